"""Writing an imported article's comments through the comments app's own service for them
(blog.comments.posting.imported: threads, statuses); each comment keyed on the old blog's id
for it, so that importing again updates what changed and adds only what is new."""

from django.db import transaction

from blog.comments.invalidation import comments_changed
from blog.comments.models import ReaderComment
from blog.comments.posting import imported

from . import records
from .articles import fingerprint, unchanged
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
        """Create the post's new comments, and update those imported before if they
        changed."""
        keys = {
            comment.id: records.clip(comment_key(data.key, comment.id)) for comment in data.comments
        }
        found = {
            record.key: record
            for record in ImportRecord.objects.filter(source=self.source, key__in=keys.values())
        }
        existing = ReaderComment.objects.in_bulk([record.object_id for record in found.values()])
        known = {}  # the old blog's comment id -> ReaderComment imported before
        for comment in data.comments:
            record = found.get(keys[comment.id])
            if record is not None and record.object_id in existing:
                known[comment.id] = existing[record.object_id]
        changed = False
        fresh, new_records, updated_records = [], [], []
        for comment in data.comments:
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
            obj = known.get(comment.id)
            if obj is None:
                fresh.append((comment, digest))
                continue
            record = found[keys[comment.id]]
            if record.digest == digest:
                self.report.count("comment", SKIPPED, unchanged())
                continue
            imported.update(obj, comment)
            record.digest = digest
            updated_records.append(record)
            self.report.count("comment", UPDATED)
            changed = True
        if fresh:
            made = imported.create(page, [comment for comment, _digest in fresh], known)
            new_records = [
                (keys[comment.id], made[comment.id], digest) for comment, digest in fresh
            ]
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

    def finish(self):
        """After the run: the pages whose comments changed show them (page cache tags)."""
        pages = set(self.touched_pages)
        if pages:
            transaction.on_commit(lambda: comments_changed(pages))
