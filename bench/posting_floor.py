"""The posting floor: what Django itself takes to store a reader's comment, on the same
gunicorn, database, cache and middleware as the app's posting figure.

Served with ``DJANGO_SETTINGS_MODULE=bench.posting_floor``: the benchmark's settings, with
this module as the URLconf. ``GET /<page id>/`` hands out a form as the article does to the
readers of ``bench.load``; posting it checks the CSRF token (the site's middleware), stores
the same row with one INSERT and remembers it in the reader's session as the app does, and
nothing else: no site rules, no duplicate or rate checks, no e-mail. The app's posting rate
is reported as a share of this one, measured in the same run, as its page throughput is of
the static ceiling.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.html import format_html

from bench.settings import *  # noqa: F403

ROOT_URLCONF = __name__


def comment_form(request, page_id):
    return HttpResponse(
        format_html(
            '<form data-comment-form action="/{}/post/" method="post">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="token" value="floor"></form>',
            page_id,
            get_token(request),
        )
    )


def post_comment(request, page_id):
    # Imported here: this module is the settings too, read before the apps are ready.
    from blog.comments.identity import ip_hash, user_agent
    from blog.comments.models import ReaderComment
    from blog.comments.readers import own_comments

    comment = ReaderComment.objects.create(
        page_id=page_id,
        name=request.POST["name"],
        email=request.POST["email"],
        body=request.POST["body"],
        ip_hash=ip_hash(request),
        user_agent=user_agent(request),
    )
    own_comments.remember(request, comment)
    response = HttpResponseRedirect(f"/{page_id}/#comment-{comment.pk}")
    response.status_code = 303
    return response


urlpatterns = [
    path("<int:page_id>/", comment_form),
    path("<int:page_id>/post/", post_comment),
]
