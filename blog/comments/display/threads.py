"""The comments under a page: threads oldest first, a page of them at a time."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Q

from blog.core.pagination import requested_page

from ..models import ReaderComment
from ..readers.own_comments import own_comment_ids
from ..rendering import PAGE_PARAM, CommentNode


@dataclass
class CommentThreads:
    page: object  # the Django Page of top-level comments
    threads: list  # CommentNodes of that page, replies nested
    by_id: dict  # every CommentNode shown, by comment id
    approved_count: int  # approved comments on the page, replies included


def comment_threads(request, page, rules, moderated_ids=()):
    """A page of top-level comments with all their replies, as a tree, in two queries
    however many comments there are: the counts, then the page of threads. A moderator's
    view in context also shows ``moderated_ids``."""
    visible = ReaderComment.objects.for_page(page).visible_to(
        own_comment_ids(request), moderated_ids
    )
    counts = visible.aggregate(
        threads=Count("pk", filter=Q(depth=1)),
        approved=Count("pk", filter=Q(status=ReaderComment.Status.APPROVED)),
    )
    paginator = Paginator(visible.filter(depth=1).oldest_first(), rules.comments_per_page)
    paginator.count = counts["threads"]  # known already: spares the paginator its own count
    shown_page = requested_page(request, paginator, PAGE_PARAM)
    by_id, threads = {}, []
    if counts["threads"]:
        # The page's threads and all their replies in one query (the page as a subquery).
        shown = shown_page.object_list.values("pk")
        for comment in visible.filter(Q(pk__in=shown) | Q(thread__in=shown)).oldest_first():
            by_id[comment.pk] = node = CommentNode(comment)
            if comment.depth == 1:
                threads.append(node)
            elif comment.parent_id in by_id:  # a reply to a hidden comment stays hidden
                by_id[comment.parent_id].replies.append(node)
    shown_page.object_list = [node.comment for node in threads]
    return CommentThreads(shown_page, threads, by_id, counts["approved"])
