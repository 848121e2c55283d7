"""Confirming a new commenter: where the site asks for it, a comment waits until its writer
clicks the link we e-mail them, which shows the address is theirs.

The link works once: it confirms a comment still waiting to be confirmed. The browser that
follows it is remembered as confirmed for that address (known_commenter.py), so its owner is
not asked again there; anywhere else they are, which tells no one whether an address has
commented before.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Commenter, ReaderComment
from ..moderation import notifications
from ..readers.own_comments import remember

Status = ReaderComment.Status


@transaction.atomic  # the change and the notice about it commit together
def confirm(request, comment, rules):
    """The writer confirmed ``comment``: their address is confirmed, and the comment joins
    the moderation queue (never published at once: a new commenter has no history)."""
    commenter = Commenter.for_email(comment.email)
    if not commenter.is_confirmed:
        commenter.confirmed_at = timezone.now()
        commenter.save(update_fields=["confirmed_at"])
    ReaderComment.objects.filter(pk=comment.pk).update(status=Status.PENDING)
    comment.status = Status.PENDING
    remember(request, comment)
    notifications.notify_moderators(
        comment, _("awaits moderation"), occasion=notifications.CONFIRMED, rules=rules
    )
    return comment
