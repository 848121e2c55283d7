"""The comments under an article: threads oldest first, a page of them at a time."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from ..models.comments import ReaderComment
from .session import own_comment_ids

PAGE_PARAM = "comments"


@dataclass
class CommentNode:
    comment: ReaderComment
    replies: list = field(default_factory=list)


@dataclass
class CommentThreads:
    page: object  # the Django Page of top-level comments
    threads: list  # CommentNodes of that page, replies nested
    by_id: dict  # every CommentNode shown, by comment id


def comment_threads(request, article, rules):
    """A page of top-level comments with all their replies, as a tree, in three queries."""
    visible = ReaderComment.objects.for_article(article).visible_to(own_comment_ids(request))
    page = Paginator(visible.filter(depth=1).oldest_first(), rules.comments_per_page).get_page(
        request.GET.get(PAGE_PARAM)
    )
    by_id = {comment.pk: CommentNode(comment) for comment in page}
    threads = list(by_id.values())
    for reply in visible.filter(thread__in=list(by_id)).oldest_first():
        by_id[reply.pk] = CommentNode(reply)
        if reply.parent_id in by_id:  # a reply to a hidden comment stays hidden
            by_id[reply.parent_id].replies.append(by_id[reply.pk])
    return CommentThreads(page, threads, by_id)


def public_comments(threads):
    """The approved comments among ``threads``, in reading order (a reader's own pending
    comments are shown to them, but are never part of what the page says publicly)."""
    for node in threads:
        if node.comment.is_public:
            yield node.comment
            yield from public_comments(node.replies)
