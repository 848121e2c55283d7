"""Writing an imported article's comments: each reply after its parent, so it takes the
parent's thread; each comment keyed on the old blog's id for it, so that importing again
updates what changed and adds only what is new."""

from django.db import connection, transaction
from django.utils.translation import gettext as _

from blog.comments.invalidation import comments_changed
from blog.comments.models import ReaderComment

from . import records
from .articles import fingerprint, short_text, unchanged
from .models import ImportRecord
from .report import CREATED, SKIPPED, UPDATED


def comment_key(article_key, comment_id):
    return f"{article_key}#comment-{comment_id}"


class CommentWriter:
    """Writes the comments of the articles of one run; ``finish()`` then shows them."""

    def __init__(self, source, report):
        self.source = source
        self.report = report
        self.touched_pages = set()

    def write(self, page, data):
        """Create the post's comments level by level (each reply after its parent, so it
        takes the parent's thread), and update those imported before if they changed."""
        keys = {
            comment.id: records.clip(comment_key(data.key, comment.id)) for comment in data.comments
        }
        found = {
            record.key: record
            for record in ImportRecord.objects.filter(source=self.source, key__in=keys.values())
        }
        existing = ReaderComment.objects.in_bulk([record.object_id for record in found.values()])
        made = {}  # comment id -> ReaderComment
        by_id = {comment.id: comment for comment in data.comments}
        for comment in data.comments:
            record = found.get(keys[comment.id])
            if record is not None and record.object_id in existing:
                made[comment.id] = existing[record.object_id]

        def depth(comment, seen=()):
            parent = by_id.get(comment.parent)
            if parent is None or comment.id in seen:
                return 1
            return depth(parent, (*seen, comment.id)) + 1

        levels = {}
        for comment in data.comments:
            levels.setdefault(depth(comment), []).append(comment)
        changed = False
        new_records, updated_records = [], []
        for level in sorted(levels):
            fresh = []
            for comment in levels[level]:
                digest = fingerprint(
                    [
                        comment.parent,
                        comment.name,
                        comment.email,
                        comment.body,
                        comment.status,
                        comment.created_at,
                    ]
                )
                obj = made.get(comment.id)
                if obj is not None:
                    record = found[keys[comment.id]]
                    if record.digest == digest:
                        self.report.count("comment", SKIPPED, unchanged())
                        continue
                    self.fill_comment(obj, comment)
                    obj.save()
                    record.digest = digest
                    updated_records.append(record)
                    self.report.count("comment", UPDATED)
                    changed = True
                    continue
                obj = ReaderComment(page_id=page.pk)
                self.fill_comment(obj, comment)
                obj.reply_to(made.get(comment.parent))
                fresh.append((comment, obj, digest))
            if not fresh:
                continue
            objects = [obj for _comment, obj, _digest in fresh]
            if connection.features.can_return_rows_from_bulk_insert:
                ReaderComment.objects.bulk_create(objects)
            else:  # pragma: no cover (every database Django supports here returns them)
                for obj in objects:
                    obj.save()
            for comment, obj, digest in fresh:
                made[comment.id] = obj
                new_records.append((keys[comment.id], obj, digest))
            self.report.count("comment", CREATED, number=len(fresh))
            changed = True
        if new_records:
            content_type = records.ContentType.objects.get_for_model(ReaderComment)
            stale = [key for key, _obj, _digest in new_records if key in found]
            ImportRecord.objects.filter(source=self.source, key__in=stale).delete()
            ImportRecord.objects.bulk_create(
                ImportRecord(
                    source=self.source,
                    key=key,
                    content_type=content_type,
                    object_id=obj.pk,
                    digest=digest,
                )
                for key, obj, digest in new_records
            )
        if updated_records:
            ImportRecord.objects.bulk_update(updated_records, ["digest"])
        if changed:
            self.touched_pages.add(page.pk)

    def fill_comment(self, obj, comment):
        obj.name = short_text(comment.name, 80) or _("Anonymous")
        obj.email = comment.email
        obj.body = comment.body
        obj.status = comment.status
        obj.created_at = comment.created_at

    def finish(self):
        """After the run: the pages whose comments changed show them (page cache tags)."""
        pages = set(self.touched_pages)
        if pages:
            transaction.on_commit(lambda: comments_changed(pages))
