"""Approving, rejecting, marking as spam and deleting comments, with an audit trail.

Every action works on a whole queryset at once: its queries do not grow per comment (only
Django's batching of large inserts and deletes adds one per hundred or so).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from ..invalidation import comments_changed
from ..models import ReaderComment
from . import notifications, reports

Status = ReaderComment.Status

# action name -> (status it sets, audit log action, label, past tense)
ACTIONS = {
    "approve": (Status.APPROVED, "wellness_comments.approve", _("Approve"), _("Approved")),
    "reject": (Status.REJECTED, "wellness_comments.reject", _("Reject"), _("Rejected")),
    "spam": (Status.SPAM, "wellness_comments.spam", _("Mark as spam"), _("Marked as spam")),
}
DELETE_LOG_ACTION = "wellness_comments.delete"
UNDO_LOG_ACTION = "wellness_comments.undo"
STATUS_SET_BY = {log_action: status for status, log_action, _label, _done in ACTIONS.values()}


def register_log_actions(actions):
    for _status, log_action, label, done in ACTIONS.values():
        actions.register_action(log_action, label, done)
    actions.register_action(DELETE_LOG_ACTION, _("Delete comment"), _("Deleted comment"))
    actions.register_action(UNDO_LOG_ACTION, _("Undo"), _("Undid a moderation action"))


@transaction.atomic
def moderate(comments, action, user, batch=None):
    """Apply ``action`` ("approve", "reject", "spam" or "delete") to ``comments``.

    A comment its writer edited after it was approved carries the edit: approving it
    publishes the edit, rejecting it turns the edit down and keeps the approved text. Any
    decision resolves the comments' reports from readers. Returns the number of comments
    changed. The caller has checked permissions. ``batch`` (a UUID) names the audit log
    entries of this action, each holding the comment's status before it, for undoing it
    (blog.comments.admin.undo).
    """
    comments = list(comments.select_related("page", "parent"))
    if action == "delete":  # their reports go with them
        # Replies go with the comment they answer (the foreign keys cascade): log them too.
        doomed = _with_descendants(comments)
        _log(doomed, DELETE_LOG_ACTION, user, deleted=True)
        ReaderComment.objects.filter(pk__in=[c.pk for c in comments]).delete()
        comments_changed({c.page_id for c in comments})
        return len(comments)
    status, log_action, _label, _done = ACTIONS[action]
    edits = []
    if action in ("approve", "reject"):
        edits = [c for c in comments if c.status == Status.APPROVED and c.edited_at]
        _settle_edits(edits, publish=action == "approve")
    if action == "reject":  # it turns the edit down, not the comment approved before
        comments = [c for c in comments if c not in edits]
    changed = [c for c in comments if c.status != status]
    now = timezone.now()
    ReaderComment.objects.filter(pk__in=[c.pk for c in changed]).update(
        status=status, moderated_by=user, moderated_at=now
    )
    _log([*changed, *edits], log_action, user, timestamp=now, batch=batch)
    reports.resolve([c.pk for c in comments])
    comments_changed({c.page_id for c in changed})
    if status == Status.APPROVED:
        _notify_replies(changed)
    return len(changed) + len(edits)


def batch_changes(batch, user, since):
    """What ``user``'s action ``batch`` (logged after ``since``) changed: the log action and
    {comment id: its status before}. Edits it published or turned down are not in it."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ReaderComment),
        uuid=batch,
        user=user,
        timestamp__gte=since,  # indexed: the batch is found among the latest entries
        action__in=STATUS_SET_BY,
    ).values_list("object_id", "action", "data")
    action, before = None, {}
    for object_id, action, data in entries:
        if data.get("status") != STATUS_SET_BY[action]:
            before[int(object_id)] = data["status"]
    return action, before


@transaction.atomic
def undo(comments, action, before, user):
    """Put ``comments`` (a queryset) back to their status ``before`` ({id: status}) the log
    ``action``, those the action still holds (no one moderated them since). Returns how many
    went back. Replies already e-mailed about stay e-mailed."""
    status_now = STATUS_SET_BY[action]
    comments = list(
        comments.filter(pk__in=before, status=status_now).select_related("page", "parent")
    )
    now = timezone.now()
    by_status = {}
    for comment in comments:
        by_status.setdefault(before[comment.pk], []).append(comment.pk)
    for status, ids in by_status.items():
        ReaderComment.objects.filter(pk__in=ids).update(
            status=status, moderated_by=user, moderated_at=now
        )
    _log(comments, UNDO_LOG_ACTION, user, timestamp=now)
    comments_changed({c.page_id for c in comments})
    return len(comments)


def _settle_edits(edited, publish):
    """Publish or turn down the writers' edits of ``edited`` comments."""
    ids = [c.pk for c in edited]
    if publish:
        ReaderComment.objects.filter(pk__in=ids).update(
            body=F("edited_body"), edited_body="", edited_at=None
        )
    else:
        ReaderComment.objects.filter(pk__in=ids).update(edited_body="", edited_at=None)
    if edited:
        comments_changed({c.page_id for c in edited})


def _with_descendants(comments):
    """``comments`` and every reply beneath them, loaded in one query."""
    threads = {c.thread_id or c.pk for c in comments}
    in_threads = ReaderComment.objects.filter(thread__in=threads).select_related("page")
    children = {}
    for reply in in_threads:
        children.setdefault(reply.parent_id, []).append(reply)
    found, todo = {c.pk: c for c in comments}, list(comments)
    while todo:
        for reply in children.get(todo.pop().pk, []):
            if reply.pk not in found:
                found[reply.pk] = reply
                todo.append(reply)
    return list(found.values())


def _log(comments, action, user, deleted=False, timestamp=None, batch=None):
    content_type = ContentType.objects.get_for_model(ReaderComment)
    batch = batch or uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(comment.pk),
            label=str(comment),
            action=action,
            data={"page": comment.page.title, "status": comment.status},
            timestamp=timestamp or timezone.now(),
            uuid=batch,
            user=user,
            deleted=deleted,
        )
        for comment in comments
    )


def _notify_replies(approved):
    replies = [c for c in approved if c.parent_id]
    for reply in replies:
        reply.status = Status.APPROVED  # as it is now: the e-mail shows it
    # Whether to tell each parent's writer (their opt-in, the site's switch, unsubscribed
    # or muted) is decided in a few queries however many replies.
    notifications.replies_published(replies)
