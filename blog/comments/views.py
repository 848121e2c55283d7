"""Posting a comment. Works as a plain form post and answers JSON to the enhanced form."""

from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ..cache.invalidation import comments_changed
from ..models import ArticlePage
from ..models.discussion import DiscussionSettings
from . import commenter, notifications
from .forms import ReaderCommentForm, form_token
from .identity import ip_hash, user_agent
from .rules import RateLimit, judge
from .session import remember
from .threads import CommentNode


def live_article(article_id):
    return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)


@never_cache
@require_GET
def form_tokens(request, article_id):
    """What the comment form on a cached article page lacks: this reader's CSRF token and a
    fresh form timestamp. The enhanced form fetches them; nothing per-reader is ever in the
    HTML that readers share (docs/page-cache.md)."""
    article = live_article(article_id)
    return JsonResponse({"csrfmiddlewaretoken": get_token(request), "token": form_token(article)})


@never_cache
@require_GET
def write(request, article_id):
    """The article with a complete comment form, for readers without JavaScript."""
    return render_article(request, live_article(article_id), None, status=200)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def post_comment(request, article_id):
    article = live_article(article_id)
    rules = DiscussionSettings.for_request(request)
    if not article.comments_are_open(rules):
        return refuse(request, article, 403, "Comments are closed on this article.")

    client = ip_hash(request)
    form = ReaderCommentForm(
        request.POST, article=article, rules=rules, ip_hash=client, user=request.user
    )
    if not form.is_valid():
        return invalid(request, article, form)

    limit = RateLimit(rules)
    if limit.exceeded(client, form.cleaned_data["email"]):
        message = "You have posted several comments in a short time. Please wait a few minutes."
        response = refuse(request, article, 429, message, form)
        response["Retry-After"] = str(limit.retry_after)
        return response

    comment = form.save(commit=False)
    verdict = judge(
        comment,
        rules,
        filled_too_fast=form.filled_too_fast,
        known_commenter=rules.auto_approve_returning
        and commenter.vouches_for(request, comment.email),
    )
    if form.is_bot or verdict.dropped:
        return accepted(request, article, None)  # nothing to tell a program
    comment.status = verdict.status
    comment.ip_hash = client
    comment.user_agent = user_agent(request)
    comment.user = request.user if request.user.is_authenticated else None
    comment.save()
    limit.count(client, comment.email)
    if comment.status == comment.Status.APPROVED:
        comments_changed({article.pk})
    if comment.status == comment.Status.PENDING:
        remember(request, comment)
        if rules.notify_moderators:
            notifications.notify_moderators(comment, verdict.reason)
    response = accepted(request, article, comment)
    if comment.status != comment.Status.SPAM:
        commenter.remember(request, response, comment)
    return response


def accepted(request, article, comment):
    if wants_json(request):
        html = ""
        if comment is not None and comment.status != comment.Status.SPAM:
            html = render_to_string(
                "blog/comments/comment.html",
                {"node": CommentNode(comment), "page": article, "reply_depth": 1},
                request=request,
            )
        return JsonResponse({"status": comment.status if comment else "pending", "html": html})
    anchor = f"#comment-{comment.pk}" if comment and comment.pk else "#comments"
    response = HttpResponseRedirect(article.get_url(request) + anchor)
    response.status_code = 303  # See Other: reloading the article must not repost
    return response


def invalid(request, article, form):
    if wants_json(request):
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return render_article(request, article, form, status=400)


def refuse(request, article, status, message, form=None):
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render_article(request, article, form, status=status, message=message)


def render_article(request, article, form, status, message=""):
    """The article again, with the reader's comment and what went wrong, so nothing is lost."""
    context = article.get_context(request)
    if form is not None:
        context["comment_form"] = form
    context["comment_error"] = message
    context["comment_form_tokens"] = True  # this response is for one reader only
    return TemplateResponse(request, article.get_template(request), context, status=status)
