"""The cache tags of comments: what moderating, posting or removing them makes stale."""

from blog.core import versioned, warming
from blog.core.tags import kind_tag

from .models import ReaderComment


def comments_tag(page_id):
    return f"comments:{page_id}"


def comments_changed(page_ids):
    """Comments were approved, published at once, rejected or deleted on these pages: the
    pages, and the comment counts shown on cards elsewhere, are stale."""
    if page_ids:
        tags = {comments_tag(pk) for pk in page_ids}
        versioned.invalidate(kind_tag(ReaderComment), *tags)
        warming.warm_after_commit(page_ids)
