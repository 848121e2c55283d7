"""Undo, for a few minutes after a moderation action, as WordPress offers it: the reason a
bulk approve needs no confirmation page. The moderator's session remembers their last
action's audit-log batch; the log holds each comment's status before it."""

import datetime
import uuid
from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from django.views import View
from wagtail.admin import messages

from ..moderation import moderate
from ..moderation.permissions import may_moderate, moderatable
from .access import listing_url, safe_next_url

SESSION_KEY = "wellness_moderation_undo"
UNDO_WINDOW = datetime.timedelta(minutes=10)
# The log entries' time is the action's, a moment before the session records it.
CLOCK_SLACK = datetime.timedelta(minutes=1)

DONE = {
    "wellness_comments.approve": ngettext_lazy(
        "You approved %(count)d comment.", "You approved %(count)d comments.", "count"
    ),
    "wellness_comments.reject": ngettext_lazy(
        "You rejected %(count)d comment.", "You rejected %(count)d comments.", "count"
    ),
    "wellness_comments.spam": ngettext_lazy(
        "You marked %(count)d comment as spam.", "You marked %(count)d comments as spam.", "count"
    ),
}


@dataclass
class UndoOffer:
    action: str  # the log action undone
    before: dict  # {comment id: status before the action}

    @property
    def count(self):
        return len(self.before)

    @property
    def description(self):
        return DONE[self.action] % {"count": self.count}


def new_batch():
    return uuid.uuid4()


def offer(request, batch):
    """After ``batch`` was applied: the next pages offer to undo it."""
    request.session[SESSION_KEY] = {"batch": str(batch), "at": timezone.now().isoformat()}


def offered(request):
    """The undo on offer to this moderator, if any and still within its window."""
    record = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not record:
        return None
    at = parse_datetime(record.get("at", ""))
    try:
        batch = uuid.UUID(record.get("batch", ""))
    except ValueError:
        batch = None
    if batch is None or at is None or timezone.now() - at > UNDO_WINDOW:
        return None
    action, before = moderate.batch_changes(batch, request.user, since=at - CLOCK_SLACK)
    return UndoOffer(action, before) if before else None


class UndoView(View):
    """POST only, CSRF-protected like every form: undo the moderator's last action on the
    comments they may still moderate. Nothing else can be undone: the batch comes from
    their own session, and its log entries must be theirs."""

    http_method_names = ["post"]

    def post(self, request):
        back = safe_next_url(request, listing_url())
        if not may_moderate(request.user):
            return HttpResponseRedirect(back)
        undo = offered(request)
        request.session.pop(SESSION_KEY, None)
        if undo is None:
            messages.warning(request, _("There is nothing to undo any more."))
            return HttpResponseRedirect(back)
        restored = moderate.undo(moderatable(request.user), undo.action, undo.before, request.user)
        messages.success(
            request,
            ngettext(
                "Undone: %(count)d comment is back as it was.",
                "Undone: %(count)d comments are back as they were.",
                restored,
            )
            % {"count": restored},
        )
        return HttpResponseRedirect(back)
