"""A reader's own comments. Their session remembers the comments they posted (only they see
the ones awaiting moderation, and the pages holding them are built for them alone), and for
a while after posting (the site's edit window) they may change or remove them: their
session proves a comment is theirs, and so does the signed link in their confirmation
e-mail.

An edit to an approved comment goes back to moderation: the text a moderator approved stays
public until they approve the new one. A removed comment that has replies keeps its place
in the thread, without its words or its writer's name.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..exceptions import NotYours, TooLate
from ..invalidation import comments_changed
from ..models import ReaderComment
from ..moderation import notifications

Status = ReaderComment.Status
SESSION_KEY = "wellness_own_comments"
# The pages those comments are on: where a page must be built for this reader alone.
PAGES_SESSION_KEY = "wellness_own_comment_pages"
REMEMBERED = 20  # comments, and pages, a session remembers


def own_comment_ids(request):
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:  # no session cookie: nothing to read
        return []
    return session[SESSION_KEY]


def own_page_ids(session):
    """The ids of the pages holding this session's own comments; None when the session has
    comments of its own but predates the pages being remembered (any page may hold one)."""
    if SESSION_KEY not in session:
        return set()
    pages = session.get(PAGES_SESSION_KEY)
    return None if pages is None else set(pages)


def has_own_comments_on(request, page):
    session = getattr(request, "session", None)
    if session is None:
        return False
    pages = own_page_ids(session)
    return pages is None or page.pk in pages


def remember(request, comment):
    ids = [*own_comment_ids(request), comment.pk][-REMEMBERED:]
    pages = own_page_ids(request.session) or set()
    request.session[SESSION_KEY] = ids
    request.session[PAGES_SESSION_KEY] = sorted({*pages, comment.page_id})[-REMEMBERED:]


# Changing or removing them -------------------------------------------------------------

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
