"""Who is told of a reply, and how readers stop being told: unsubscribing from every reply
e-mail, or muting one conversation. Each reply e-mail carries a link for both
(blog.comments.signed_links); the views are in blog.comments.views.links."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Commenter, DiscussionSettings, MutedThread, ReaderComment


@dataclass
class ReplyNotice:
    """A reply to tell the writer of ``parent`` about, and their Commenter row (for the
    links in the e-mail)."""

    reply: ReaderComment
    parent: ReaderComment
    commenter: Commenter

    @property
    def thread_id(self):
        return self.parent.thread_id or self.parent.pk


def reply_notices(replies):
    """The notices to send for ``replies``, approved just now (with ``page`` and ``parent``
    loaded): to the writer of the comment each answers, if they asked for them (the form's
    opt-in), their comment is still public, the site still sends them, they did not
    unsubscribe or mute the conversation, and the reply is not their own. A few queries
    however many replies."""
    candidates = [
        reply
        for reply in replies
        if reply.parent_id
        and reply.parent.notify_replies
        and reply.parent.status == ReaderComment.Status.APPROVED
        and not reply.parent.removed
        and reply.parent.email
        and reply.parent.email.strip().lower() != reply.email.strip().lower()
    ]
    if not candidates:
        return []
    notifying_roots = DiscussionSettings.root_paths_where(notify_on_reply=True)
    candidates = [
        reply
        for reply in candidates
        if any(reply.page.path.startswith(root) for root in notifying_roots)
    ]
    if not candidates:
        return []
    commenters = _commenters({reply.parent.email for reply in candidates})
    muted = set(
        MutedThread.objects.filter(
            commenter__in=[c.pk for c in commenters.values()],
            thread__in={reply.parent.thread_id or reply.parent.pk for reply in candidates},
        ).values_list("commenter", "thread")
    )
    notices = []
    for reply in candidates:
        commenter = commenters[reply.parent.email.strip().lower()]
        notice = ReplyNotice(reply, reply.parent, commenter)
        if commenter.unsubscribed_at is None and (commenter.pk, notice.thread_id) not in muted:
            notices.append(notice)
    return notices


def _commenters(emails):
    """{address: Commenter} for ``emails``, making the rows that are missing: their pk is
    what the unsubscribe and mute links carry. Three queries however many addresses."""
    emails = {email.strip().lower() for email in emails}
    found = {c.email: c for c in Commenter.objects.filter(email__in=emails)}
    missing = emails - found.keys()
    if missing:
        Commenter.objects.bulk_create(
            [Commenter(email=email) for email in missing], ignore_conflicts=True
        )
        found.update((c.email, c) for c in Commenter.objects.filter(email__in=missing))
    return found


def unsubscribe(commenter):
    """Send ``commenter`` no more reply e-mail. False if they had already unsubscribed."""
    changed = Commenter.objects.filter(pk=commenter.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    return bool(changed)


def is_muted(commenter, thread_id):
    return MutedThread.objects.filter(commenter=commenter, thread_id=thread_id).exists()


def mute(commenter, thread_id):
    """Send ``commenter`` no more e-mail about replies in the conversation ``thread_id``.
    False if it was muted already, or is gone (then nothing can be sent about it either)."""
    if not ReaderComment.objects.filter(pk=thread_id).exists():
        return False
    try:
        with transaction.atomic():
            _muted, created = MutedThread.objects.get_or_create(
                commenter=commenter, thread_id=thread_id
            )
    except IntegrityError:  # two clicks at once: the other one muted it
        return False
    return created
