"""Comment moderation in the Wagtail admin: the listing, its bulk actions, the dashboard
panel, the audit log's words, and the permissions the group editor offers."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin.bulk_actions import BULK_ACTIONS
from .admin.panels import PendingCommentsPanel
from .admin.viewset import ReaderCommentViewSet
from .models import ReaderComment
from .moderation import moderate
from .moderation.permissions import may_moderate, policy
from .readers import personal_data, retention

# Before anything asks Wagtail for the policy, or it would make a plain model one.
register_permission_policy(ReaderComment, policy)
register_snippet(ReaderCommentViewSet)

for bulk_action in BULK_ACTIONS:
    # Registered after Wagtail's own snippet actions (order 0), so that the comments' "delete"
    # replaces Wagtail's for this model.
    hooks.register("register_bulk_action", bulk_action, order=1)

hooks.register("register_log_actions", moderate.register_log_actions)


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if may_moderate(request.user):
        panels.append(PendingCommentsPanel())


# Readers' rights: the audit log's words for exporting, erasing and purging their data.
hooks.register("register_log_actions", personal_data.register_log_actions)
hooks.register("register_log_actions", retention.register_log_actions)
