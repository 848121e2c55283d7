"""How readers stop being told of replies: unsubscribing from every reply e-mail, or muting
one conversation. Each reply e-mail carries a link for both (blog.comments.signed_links);
who is told of a reply is decided in blog.comments.moderation.notifications."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Commenter, MutedThread, ReaderComment


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
