"""One comment: approving, rejecting, marking it as spam or deleting it (a POST from a
button), and seeing it in its place on its page."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages

from ..display import in_context
from ..models import ReaderComment
from ..moderation.moderate import ACTIONS, moderate
from ..moderation.permissions import may_moderate, may_moderate_comment, policy, url_name
from . import undo
from .access import forbidden, listing_url, safe_next_url

# Short labels for buttons that sit next to the comment they act on.
BUTTON_LABELS = {"approve": _("Approve"), "reject": _("Reject"), "spam": _("Spam")}
DONE = {
    "approve": _("Comment by %(name)s approved."),
    "reject": _("Comment by %(name)s rejected."),
    "spam": _("Comment by %(name)s marked as spam."),
    "delete": _("Comment by %(name)s deleted."),
}
ALREADY_DONE = {
    "approve": _("The comment by %(name)s was already approved."),
    "reject": _("The comment by %(name)s was already rejected."),
    "spam": _("The comment by %(name)s was already marked as spam."),
}
ROW_ACTIONS = ("approve", "reject", "spam")


def moderation_buttons(comment, actions=ROW_ACTIONS):
    """The buttons for ``comment``, leaving out the one for the status it already has."""
    return [
        {"action": action, "label": BUTTON_LABELS[action], "url": moderate_url(comment, action)}
        for action in actions
        if ACTIONS[action][0] != comment.status
    ]


def reply_url(comment):
    return reverse(url_name("reply"), args=(comment.pk,))


def moderate_url(comment, action):
    return reverse(url_name("moderate"), args=(comment.pk, action))


def may_apply(user, action, comment):
    if not may_moderate_comment(user, comment):
        return False
    # Deleting destroys the record, so it takes the delete permission as well.
    return action != "delete" or policy.user_has_permission_for_instance(user, "delete", comment)


class ModerateView(View):
    """POST only: Django's CSRF middleware guards it like any other form."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        if action not in ACTIONS and action != "delete":
            raise Http404
        if not may_moderate(request.user):  # before the lookup: no probing for comment ids
            return forbidden(request)
        comment = get_object_or_404(ReaderComment, pk=pk)
        if not may_apply(request.user, action, comment):
            return forbidden(request)
        batch = undo.new_batch()
        changed = moderate(
            ReaderComment.objects.filter(pk=comment.pk), action, request.user, batch=batch
        )
        if action != "delete":  # deleting asks first, and cannot be undone
            undo.offer(request, batch)
        messages.success(request, self.message(action, comment, changed))
        return HttpResponseRedirect(safe_next_url(request, listing_url()))

    def message(self, action, comment, changed):
        messages = DONE if changed else ALREADY_DONE
        return messages[action] % {"name": comment.name}


class InContextView(View):
    """The comment's page as a preview, with the comment in its place in its thread and
    marked: "View in context" in the queue."""

    def get(self, request, pk):
        if not may_moderate(request.user):  # before the lookup: no probing for comment ids
            return forbidden(request)
        comment = get_object_or_404(ReaderComment.objects.select_related("page", "thread"), pk=pk)
        if not may_moderate_comment(request.user, comment):
            return forbidden(request)
        return in_context.preview(request, comment)
