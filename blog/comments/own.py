"""A reader's own comment: for a while after posting (the site's edit window), its writer may
change or remove it. Their session proves it is theirs (blog.comments.session), and so does
the signed link in their confirmation e-mail.

An edit to an approved comment goes back to moderation: the text a moderator approved stays
public until they approve the new one. A removed comment that has replies keeps its place
in the thread, without its words or its writer's name.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .exceptions import NotYours, TooLate
from .invalidation import comments_changed
from .models import ReaderComment
from .moderation import notifications
from .session import own_comment_ids

Status = ReaderComment.Status
# What a writer may still change: not what a moderator turned down, nor what is gone.
CHANGEABLE = (Status.PENDING, Status.APPROVED, Status.UNCONFIRMED)


def editable_until(comment, rules):
    return comment.created_at + datetime.timedelta(minutes=rules.edit_window_minutes)


def is_editable(comment, rules, now=None):
    return (
        comment.status in CHANGEABLE
        and not comment.removed
        and (now or timezone.now()) < editable_until(comment, rules)
    )


def editable_ids(request, comments, rules):
    """Of ``comments``, the ids of those the requester wrote and may still change."""
    own, now = set(own_comment_ids(request)), timezone.now()
    return {c.pk for c in comments if c.pk in own and is_editable(c, rules, now)}


def check(request, comment, rules, by_link=False):
    """Raise NotYours or TooLate unless the requester may change ``comment`` now: theirs by
    their session or, ``by_link``, by the signed link a view has already read."""
    if not by_link and comment.pk not in own_comment_ids(request):
        raise NotYours
    if not is_editable(comment, rules):
        raise TooLate


@transaction.atomic  # the change and the notice about it commit together
def edit(comment, body, rules):
    """Change the text of the writer's comment, as moderation needs it."""
    if comment.status == Status.APPROVED:
        comment.edited_body, comment.edited_at = body, timezone.now()
        fields = ["edited_body", "edited_at"]
    else:
        comment.body = body
        fields = ["body"]
    urgent = not comment.urgent and rules.safeguarding_list.matches(body=body)
    if urgent:
        comment.urgent = True
        fields.append("urgent")
    comment.save(update_fields=fields)
    reason = _("speaks of self-harm or suicide") if urgent else _("edited by its writer")
    notifications.notify_moderators(
        comment, reason, urgent=urgent, occasion=notifications.EDITED, rules=rules
    )
    return comment


def remove(comment):
    """Remove the writer's comment: gone, or, if replies hang from it, an empty place."""
    if comment.replies.exists():
        ReaderComment.objects.filter(pk=comment.pk).update(
            removed=True, body="", edited_body="", name="", email=""
        )
    else:
        comment.delete()
    if comment.status == Status.APPROVED:
        comments_changed({comment.page_id})
