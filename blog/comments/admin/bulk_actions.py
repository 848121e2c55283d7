"""Approve, reject, mark as spam or delete many comments at once.

Wagtail's ``BulkAction.check_perm`` allows everything, so each action checks the policy: it
asks once which of the requested comments the user may moderate, and ``check_perm`` looks the
comment up in that answer. The action itself is one call to ``moderation.moderate`` for the
whole selection, so five hundred comments cost what five do.
"""

from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from ...models.comments import ReaderComment
from ..moderation import moderate
from ..permissions import policy
from .access import forbidden, may_moderate, moderatable, url_name
from .filters import listing_queryset


class CommentBulkAction(SnippetBulkAction):
    models = [ReaderComment]
    template_name = "blog/comments/admin/confirm_bulk_moderation.html"
    #: "approve", "reject", "spam" or "delete", as ``moderation.moderate`` takes it
    moderation_action = None
    #: past participle for the messages: "approved"
    done = ""
    #: extra model permission needed besides moderating the comments
    extra_permission = None

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not may_moderate(user) or (
            self.extra_permission and not policy.user_has_permission(user, self.extra_permission)
        ):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return get_list_or_404(model.objects.select_related("article"), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends the listing's filters and search along: honour them,
        # so that all *pending* comments never turns into all comments.
        return listing_queryset(self.request).values_list("pk", flat=True)

    def _requested_ids(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            return self.get_all_objects_in_listing_query(None)
        return [pk for pk in ids if pk.isdigit()]

    @cached_property
    def _permitted_ids(self):
        permitted = moderatable(self.request.user).filter(pk__in=self._requested_ids())
        return set(permitted.values_list("pk", flat=True))

    def check_perm(self, comment):
        return comment.pk in self._permitted_ids

    @cached_property
    def _actionable_objects(self):
        return super().get_actionable_objects()

    def get_actionable_objects(self):
        # Called by both the confirmation page and the action: load the comments once.
        return self._actionable_objects

    def object_context(self, comment):
        return {"item": comment, "url": reverse(url_name("inspect"), args=(comment.pk,))}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": self.display_name,
            "action_done": self.done,
            "action_classes": " ".join(self.classes),
        }

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        comments = ReaderComment.objects.filter(pk__in=[comment.pk for comment in objects])
        return moderate(comments, cls.moderation_action, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return f"Nothing changed: the selected comments were already {self.done}."
        return ngettext(
            "%(count)d comment %(done)s.", "%(count)d comments %(done)s.", num_parent_objects
        ) % {"count": num_parent_objects, "done": self.done}


class ApproveCommentsBulkAction(CommentBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    moderation_action = "approve"
    done = "approved"


class RejectCommentsBulkAction(CommentBulkAction):
    display_name = "Reject"
    action_type = "reject"
    aria_label = "Reject selected comments"
    action_priority = 20
    moderation_action = "reject"
    done = "rejected"


class SpamCommentsBulkAction(CommentBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 30
    classes = {"serious"}
    moderation_action = "spam"
    done = "marked as spam"


class DeleteCommentsBulkAction(CommentBulkAction):
    """Replaces Wagtail's snippet delete for comments, so deleting is logged like the rest."""

    display_name = "Delete"
    action_type = "delete"  # the same key as Wagtail's, which this replaces
    aria_label = "Delete selected comments"
    action_priority = 40
    classes = {"serious"}
    moderation_action = "delete"
    done = "deleted"
    extra_permission = "delete"

    def check_perm(self, comment):
        return super().check_perm(comment) and policy.user_has_permission_for_instance(
            self.request.user, "delete", comment
        )


BULK_ACTIONS = [
    ApproveCommentsBulkAction,
    RejectCommentsBulkAction,
    SpamCommentsBulkAction,
    DeleteCommentsBulkAction,
]
