"""Comments that were posted elsewhere and arrive with an imported page (blog.transfer): kept as
the old blog had them (status, date, name, address, thread), with no rule applied and no one
told, since they were decided and read there.

The importer hands in its comments as objects with ``id`` and ``parent`` (the old blog's ids,
``parent`` empty for a comment that answers none) and ``name``, ``email``, ``body``,
``status`` (one of ``ReaderComment.Status``) and ``created_at``.
"""

from django.db import connection
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..models import ReaderComment

NAME_LENGTH = ReaderComment._meta.get_field("name").max_length


def fill(comment, imported):
    """Set ``comment``'s fields from the ``imported`` one (its thread excepted)."""
    name = " ".join((imported.name or "").split())
    comment.name = Truncator(name).chars(NAME_LENGTH) or _("Anonymous")
    comment.email = imported.email
    comment.body = imported.body
    comment.status = imported.status
    comment.created_at = imported.created_at


def update(comment, imported):
    """Bring a comment imported before up to date with what the old blog has now."""
    fill(comment, imported)
    comment.save()


def create(page, new, known):
    """Create the comments ``new`` on ``page``, each reply after the comment it answers, so
    that it joins that comment's thread. ``known``: the old blog's id → ReaderComment of
    those already here, which replies may answer. One insert per level of the threads,
    however many comments. Returns the old blog's id → ReaderComment of those made."""
    every = {comment.id: comment for comment in new}
    made = {}
    for level in by_level(new, every, known):
        rows = []
        for imported in level:
            row = ReaderComment(page_id=page.pk)
            fill(row, imported)
            row.reply_to(made.get(imported.parent) or known.get(imported.parent))
            rows.append((imported.id, row))
        objects = [row for _id, row in rows]
        if connection.features.can_return_rows_from_bulk_insert:
            ReaderComment.objects.bulk_create(objects)
        else:  # pragma: no cover (every database Django supports here returns them)
            for row in objects:
                row.save()
        made.update(rows)
    return made


def by_level(new, every, known):
    """``new`` in levels: first those answering no new comment, then their replies, ...
    (a reply whose parent is lost, or a loop of parents, starts a level of its own)."""

    def depth(comment, seen=()):
        parent = every.get(comment.parent)
        if parent is None or comment.parent in known or comment.id in seen:
            return 1
        return depth(parent, (*seen, comment.id)) + 1

    levels = {}
    for comment in new:
        levels.setdefault(depth(comment), []).append(comment)
    return [levels[n] for n in sorted(levels)]
