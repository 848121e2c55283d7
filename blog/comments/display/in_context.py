"""A moderator's look at a comment where readers would see it ("View in context" in the
queue): the page as a preview, the comment's thread shown whatever the status of its
comments, on the page of comments that holds it, and the comment marked."""

from django.db.models import Q
from django.http import QueryDict

from ..models import DiscussionSettings, ReaderComment
from ..rendering import PAGE_PARAM

REQUEST_ATTRIBUTE = "wellness_comment_in_context"


def comment_in_context(request):
    return getattr(request, REQUEST_ATTRIBUTE, None)


def thread_ids(request):
    """The ids of the thread a moderator looks at in this (preview) request, if any."""
    comment = comment_in_context(request)
    if comment is None:
        return []
    root = comment.thread_id or comment.pk
    thread = ReaderComment.objects.filter(Q(pk=root) | Q(thread=root))
    return list(thread.values_list("pk", flat=True))


def comments_page_number(comment, per_page):
    """The page of top-level comments that holds ``comment``'s thread, readers' order."""
    root = comment.thread or comment
    before = (
        ReaderComment.objects.for_page(comment.page_id)
        .filter(depth=1)
        .filter(Q(status=ReaderComment.Status.APPROVED) | Q(pk=root.pk))
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
    )
    return before.count() // per_page + 1


def preview(request, comment):
    """The response of ``comment``'s page as a preview, with the comment in its place."""
    page = comment.page.specific
    rules = DiscussionSettings.for_request(request)
    query = QueryDict(mutable=True)
    query[PAGE_PARAM] = str(comments_page_number(comment, rules.comments_per_page))
    return page.make_preview_request(
        request,
        page.default_preview_mode,
        extra_request_attrs={REQUEST_ATTRIBUTE: comment, "GET": query},
    )
