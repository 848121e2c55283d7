"""Posting a comment, and confirming it from the link in the e-mail where the site asks for
that. Posting works as a plain form post and answers JSON to the enhanced form."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import pages
from ..exceptions import CannotReply, RateLimited
from ..identity import ip_hash
from ..link_problems import link_problem
from ..models import DiscussionSettings, ReaderComment
from ..moderation.replies import answer, may_answer
from ..readers.views import back_to
from ..rendering import CommentNode, Discussion
from ..signed_links import comment_from_link
from . import confirmation, known_commenter
from .form import AuthorReplyForm, ReaderCommentForm, form_token
from .submission import submit_comment

Status = ReaderComment.Status


def commentable_page_or_404(page_id):
    """The live, public page ``page_id``, of a type that takes comments; 404 otherwise."""
    page = pages.commentable_page(page_id)
    if page is None:
        raise Http404
    return page


@never_cache
@require_GET
def form_tokens(request, page_id):
    """What the comment form on a cached page lacks: this reader's CSRF token and a fresh
    form timestamp. The enhanced form fetches them; nothing per-reader is ever in the HTML
    that readers share (docs/page-cache.md)."""
    page = commentable_page_or_404(page_id)
    return JsonResponse({"csrfmiddlewaretoken": get_token(request), "token": form_token(page)})


@never_cache
@require_GET
def write(request, page_id):
    """The page with a complete comment form, for readers without JavaScript."""
    return render_page(request, commentable_page_or_404(page_id), None, status=200)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def post_comment(request, page_id):
    page = commentable_page_or_404(page_id)
    rules = DiscussionSettings.for_request(request)
    if may_answer(request.user, page):
        return post_author_reply(request, page, rules)
    if not page.comments_are_open(rules):
        return refuse(request, page, 403, _("Comments are closed on this page."))
    form = ReaderCommentForm(
        request.POST, page=page, rules=rules, ip_hash=ip_hash(request), user=request.user
    )
    if not form.is_valid():
        return invalid(request, page, form)
    try:
        submission = submit_comment(request, form)
    except RateLimited as limited:
        message = _("You have posted several comments in a short time. Please wait a few minutes.")
        response = refuse(request, page, 429, message, form)
        response["Retry-After"] = str(limited.retry_after)
        return response
    comment = submission.comment
    response = accepted(request, page, comment, rules)
    if comment is not None and comment.status != Status.SPAM:
        known_commenter.remember(request, response, comment)
    return response


def post_author_reply(request, page, rules):
    """A reply by the page's author or a moderator, published at once under their byline."""
    form = AuthorReplyForm(request.POST, page=page)
    if not form.is_valid():
        return invalid(request, page, form)
    try:
        reply = answer(request.user, page, form.cleaned_data["parent"], form.cleaned_data["body"])
    except CannotReply as refusal:
        return refuse(request, page, 400, str(refusal), form)
    return accepted(request, page, reply, rules)


def accepted(request, page, comment, rules):
    if wants_json(request):
        html = ""
        if comment is not None and comment.status != comment.Status.SPAM:
            editable = rules.edit_window_minutes and not comment.by_author
            discussion = Discussion(rules, True, editable_ids={comment.pk} if editable else set())
            context = {"node": CommentNode(comment), "page": page, "discussion": discussion}
            html = render_to_string("wellness_comments/comment.html", context, request=request)
        status = comment.status if comment else "pending"
        urgent = comment is not None and comment.urgent
        return JsonResponse({"status": status, "urgent": urgent, "html": html})
    anchor = f"#comment-{comment.pk}" if comment and comment.pk else "#comments"
    response = HttpResponseRedirect(page.get_url(request) + anchor)
    response.status_code = 303  # See Other: reloading the page must not repost
    return response


def invalid(request, page, form):
    if wants_json(request):
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return render_page(request, page, form, status=400)


def refuse(request, page, status, message, form=None):
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render_page(request, page, form, status=status, message=message)


def render_page(request, page, form, status, message=""):
    """The page again, with the reader's comment and what went wrong, so nothing is lost."""
    context = page.get_context(request)
    discussion = context["discussion"]
    if form is not None:
        discussion.form = form
    discussion.error = message
    discussion.personal = True  # this response is for one reader only
    context["discussion_shared"] = False
    return TemplateResponse(request, page.get_template(request), context, status=status)


# Confirming a new commenter's address


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    comment, problem = comment_from_link("confirm", token)
    if problem:
        return link_problem(request, problem)
    if comment.status != Status.UNCONFIRMED:
        return link_problem(request, "used")
    if request.method == "GET":  # mail scanners open links: only a press of the button acts
        return TemplateResponse(request, "wellness_comments/confirm.html", {"comment": comment})
    confirmation.confirm(request, comment, DiscussionSettings.for_request(request))
    response = back_to(comment, request)
    known_commenter.remember(request, response, comment, confirmed=True)
    return response
