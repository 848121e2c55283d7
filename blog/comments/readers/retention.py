"""Keeping readers' data no longer than each site says (Discussion settings → Personal data):
network address hashes (and browsers) go after ``address_retention_days``; rejected, spam
and unconfirmed comments after ``discarded_retention_days``, counted from when they were
moderated (or posted, if never moderated); the record of e-mail to readers and moderators
once it is of no more use (blog.core.outbox). The ``purge_comment_data`` command runs this,
from cron: it changes only what is due, so running it twice, or twice at once, is harmless.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from blog.core.language import in_site_language
from blog.core.outbox.models import MailDelivery

from ..invalidation import comments_changed
from ..models import DiscussionSettings, ReaderComment
from .personal_data import ANONYMOUS, scrub_log, site_rules

Status = ReaderComment.Status
DISCARDED = [Status.REJECTED, Status.SPAM, Status.UNCONFIRMED]
PURGE_LOG_ACTION = "wellness_comments.purge"
PURGED_LABEL = _("A rejected, spam or unconfirmed comment, purged after its time")
BATCH = 500


def register_log_actions(actions):
    actions.register_action(PURGE_LOG_ACTION, _("Purge comment"), _("Purged comment"))


@dataclass
class Purged:
    addresses: int = 0  # comments whose network address hash and browser were dropped
    deleted: int = 0  # rejected, spam and unconfirmed comments deleted
    emptied: int = 0  # such comments with replies: emptied, kept so the thread stays whole
    mail: int = 0  # records of e-mail sent, or not delivered, long ago

    def __bool__(self):
        return bool(self.addresses or self.deleted or self.emptied or self.mail)


def purge(now=None, dry_run=False):
    """Apply every site's retention periods (or, with ``dry_run``, count what they would
    change). Comments on pages of no site follow the default periods."""
    now = now or timezone.now()
    purged = Purged()
    covered = Q()
    for root, rules in site_rules():  # the deepest root first: each page counts once
        on_site = Q(page__path__startswith=root) & ~covered
        covered |= Q(page__path__startswith=root)
        _purge_where(on_site, rules, now, dry_run, purged)
    _purge_where(~covered, DiscussionSettings(), now, dry_run, purged)
    expired = MailDelivery.objects.expired(now)
    purged.mail = expired.count() if dry_run else expired.delete()[0]
    return purged


def _purge_where(where, rules, now, dry_run, purged):
    comments = ReaderComment.objects.filter(where)
    with transaction.atomic():
        purged.addresses += _drop_addresses(comments, rules, now, dry_run)
        deleted, emptied = _purge_discarded(comments, rules, now, dry_run)
        purged.deleted += deleted
        purged.emptied += emptied


def _drop_addresses(comments, rules, now, dry_run):
    due = comments.filter(
        created_at__lt=now - timedelta(days=rules.address_retention_days)
    ).exclude(ip_hash="", user_agent="")
    if dry_run:
        return due.count()
    return due.update(ip_hash="", user_agent="")


def _purge_discarded(comments, rules, now, dry_run):
    """Delete the discarded comments that are due; those with replies that stay are emptied
    and marked removed instead (once). Returns (deleted, emptied)."""
    due = (
        comments.filter(status__in=DISCARDED)
        .alias(since=Coalesce("moderated_at", "created_at"))
        .filter(since__lt=now - timedelta(days=rules.discarded_retention_days))
    )
    candidates = dict(due.values_list("pk", "removed"))
    if not candidates:
        return 0, 0
    children = defaultdict(list)
    replies = ReaderComment.objects.filter(parent__in=due.values("pk"))
    for pk, parent_id in replies.values_list("pk", "parent"):
        children[parent_id].append(pk)

    deletable = {}

    def can_delete(pk):
        # Bottom up: a due comment goes if every reply to it goes too.
        if pk not in deletable:
            deletable[pk] = pk in candidates and all(can_delete(c) for c in children[pk])
        return deletable[pk]

    doomed = [pk for pk in candidates if can_delete(pk)]
    to_empty = [pk for pk in candidates if not can_delete(pk) and not candidates[pk]]
    if dry_run:
        return len(doomed), len(to_empty)

    pages = set()
    for batch in _batches(doomed):
        pages |= set(ReaderComment.objects.filter(pk__in=batch).values_list("page", flat=True))
        scrub_log(ReaderComment, batch)
        _log_purge(batch)
        ReaderComment.objects.filter(pk__in=batch).delete()
    for batch in _batches(to_empty):
        scrub_log(ReaderComment, batch)
        ReaderComment.objects.filter(pk__in=batch).update(
            body="",
            edited_body="",
            name=in_site_language(ANONYMOUS),
            email="",
            ip_hash="",
            user_agent="",
            user=None,
            notify_replies=False,
            removed=True,
        )
    # Not public, so no page shows them; counts of comments on cards may.
    comments_changed(pages)
    return len(doomed), len(to_empty)


def _log_purge(ids):
    content_type = ContentType.objects.get_for_model(ReaderComment)
    label, batch, now = in_site_language(PURGED_LABEL), uuid.uuid4(), timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(pk),
            label=label,
            action=PURGE_LOG_ACTION,
            timestamp=now,
            uuid=batch,
            deleted=True,
        )
        for pk in ids
    )


def _batches(ids):
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]
