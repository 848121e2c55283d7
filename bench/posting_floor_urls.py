"""The posting floor's views and URLconf (bench.posting_floor)."""

from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import include, path
from django.utils.html import format_html
from wagtail.admin import urls as wagtailadmin_urls

from blog.comments.identity import ip_hash, user_agent
from blog.comments.models import ReaderComment
from blog.comments.readers import own_comments


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
    # Where the site's middleware finds the admin (config.csp tells its pages by their path).
    path("admin/", include(wagtailadmin_urls)),
]
