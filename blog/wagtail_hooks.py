"""The wellness blog's additions to the Wagtail admin: comment moderation, and the
permissions it and the pages add for the group editor."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .cache.serving import cache_wellness_pages
from .comments import moderation
from .comments.admin.access import may_moderate
from .comments.admin.bulk_actions import BULK_ACTIONS
from .comments.admin.panels import PendingCommentsPanel
from .comments.admin.viewset import ReaderCommentViewSet
from .comments.permissions import policy
from .models.comments import ReaderComment
from .permissions import PUBLISH_WITHOUT_REVIEW

MARKDOWN_TOOLBAR_CSS = "wellness/admin/markdown-toolbar.css"

# Before anything asks Wagtail for the policy, or it would make a plain model one.
register_permission_policy(ReaderComment, policy)
register_snippet(ReaderCommentViewSet)

for bulk_action in BULK_ACTIONS:
    # Registered after Wagtail's own snippet actions (order 0), so that the comments' "delete"
    # replaces Wagtail's for this model.
    hooks.register("register_bulk_action", bulk_action, order=1)


hooks.register("register_log_actions", moderation.register_log_actions)
hooks.register("on_serve_page", cache_wellness_pages)


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if may_moderate(request.user):
        panels.append(PendingCommentsPanel())


@hooks.register("register_permissions")
def register_publish_without_review_permission():
    app_label, codename = PUBLISH_WITHOUT_REVIEW.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("insert_editor_css")
def markdown_toolbar_labels():
    return format_html('<link rel="stylesheet" href="{}">', static(MARKDOWN_TOOLBAR_CSS))
