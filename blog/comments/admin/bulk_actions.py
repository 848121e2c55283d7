"""Approve, reject, mark as spam or delete many comments at once.

Wagtail's bulk actions load every requested object and list those the user may not act on;
these load only the comments the user may moderate, in one query, so a comment the user may
not moderate is never shown to them. The action itself is one call to
``moderation.moderate`` for the whole selection, so five hundred comments cost what five do.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from blog.core.converters import parse_id

from ..models import ReaderComment
from ..moderation.moderate import moderate
from ..moderation.permissions import may_moderate, moderatable, policy, url_name
from . import undo
from .access import forbidden
from .filters import listing_queryset

# The class of the actions undoable for a while afterwards (blog.comments.admin.undo), whose
# footer buttons the queue therefore posts at once, without the confirmation page
# (static/wellness/admin/queue.js).
QUICK = "wellness-quick"


class CommentBulkAction(SnippetBulkAction):
    models = [ReaderComment]
    template_name = "wellness_comments/admin/confirm_bulk_moderation.html"
    #: "approve", "reject", "spam" or "delete", as ``moderation.moderate`` takes it
    moderation_action = None
    #: The confirmation page's sentence, and the messages after the action (lazy plurals,
    #: given the number as "count").
    confirmation = done = nothing_done = None
    #: extra model permission needed besides moderating the comments
    extra_permission = None

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not may_moderate(user) or (
            self.extra_permission and not policy.user_has_permission(user, self.extra_permission)
        ):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends the listing's filters and search along: honour them,
        # so that all *pending* comments never turns into all comments.
        return listing_queryset(self.request).values_list("pk", flat=True)

    def _requested_ids(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            return self.get_all_objects_in_listing_query(None)
        return [pk for pk in map(parse_id, ids) if pk is not None]

    def permits(self, comment):
        """Whether the user may apply this action to ``comment``, besides moderating it."""
        return True

    @cached_property
    def _actionable_objects(self):
        """The requested comments the user may act on. The others are never loaded, so
        nothing of them (not even that they exist) reaches the confirmation page: a
        selection without any the user may act on is a 404, as a missing comment is."""
        requested = moderatable(self.request.user).filter(pk__in=self._requested_ids())
        comments = [c for c in requested.select_related("page") if self.permits(c)]
        if not comments:
            raise Http404
        return comments, {"items_with_no_access": []}

    def get_actionable_objects(self):
        # Called by both the confirmation page and the action: load the comments once.
        return self._actionable_objects

    def object_context(self, comment):
        return {"item": comment, "url": reverse(url_name("inspect"), args=(comment.pk,))}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": self.display_name,
            "confirmation": self.confirmation % {"count": len(self._actionable_objects[0])},
            "action_classes": " ".join(self.classes),
        }

    @cached_property
    def batch(self):
        return undo.new_batch()

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user, "batch": self.batch}

    @classmethod
    def execute_action(cls, objects, user=None, batch=None, **kwargs):
        comments = ReaderComment.objects.filter(pk__in=[comment.pk for comment in objects])
        return moderate(comments, cls.moderation_action, user, batch=batch), 0

    def form_valid(self, form):
        response = super().form_valid(form)
        if QUICK in self.classes:
            undo.offer(self.request, self.batch)
        return response

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return self.nothing_done
        return self.done % {"count": num_parent_objects}


class ApproveCommentsBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    classes = {QUICK}
    moderation_action = "approve"
    confirmation = ngettext_lazy(
        "This comment will be approved:", "These %(count)d comments will be approved:", "count"
    )
    done = ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count")
    nothing_done = _("Nothing changed: the selected comments were already approved.")


class RejectCommentsBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    classes = {QUICK}
    moderation_action = "reject"
    confirmation = ngettext_lazy(
        "This comment will be rejected:", "These %(count)d comments will be rejected:", "count"
    )
    done = ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count")
    nothing_done = _("Nothing changed: the selected comments were already rejected.")


class SpamCommentsBulkAction(CommentBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 30
    classes = {"serious", QUICK}
    moderation_action = "spam"
    confirmation = ngettext_lazy(
        "This comment will be marked as spam:",
        "These %(count)d comments will be marked as spam:",
        "count",
    )
    done = ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    )
    nothing_done = _("Nothing changed: the selected comments were already marked as spam.")


class DeleteCommentsBulkAction(CommentBulkAction):
    """Replaces Wagtail's snippet delete for comments, so deleting is logged like the rest."""

    display_name = _("Delete")
    action_type = "delete"  # the same key as Wagtail's, which this replaces
    aria_label = _("Delete selected comments")
    action_priority = 40
    classes = {"serious"}
    moderation_action = "delete"
    extra_permission = "delete"
    confirmation = ngettext_lazy(
        "This comment will be deleted, with its replies:",
        "These %(count)d comments will be deleted, with their replies:",
        "count",
    )
    done = ngettext_lazy("%(count)d comment deleted.", "%(count)d comments deleted.", "count")
    nothing_done = _("Nothing changed.")

    def permits(self, comment):
        return policy.user_has_permission_for_instance(self.request.user, "delete", comment)


BULK_ACTIONS = [
    ApproveCommentsBulkAction,
    RejectCommentsBulkAction,
    SpamCommentsBulkAction,
    DeleteCommentsBulkAction,
]
