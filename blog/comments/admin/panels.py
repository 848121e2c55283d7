"""The dashboard panel: the newest comments awaiting moderation, with one-click buttons."""

from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..moderation.permissions import moderatable, url_name
from . import undo
from .access import listing_url
from .columns import CSS
from .menu import pending_count
from .views import moderation_buttons

PANEL_SIZE = 8


class PendingCommentsPanel(Component):
    name = "pending_comments"
    template_name = "wellness_comments/admin/dashboard_panel.html"
    order = 150  # above Wagtail's workflow and recent-edits panels

    class Media:
        css = CSS

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        waiting = moderatable(request.user).awaiting_moderation()
        # Urgent first, then newest: the queue's own order, read from its index.
        comments = waiting.select_related("page").order_by("-queue_rank", "-created_at", "-pk")
        return {
            "request": request,
            "rows": [
                {
                    "comment": comment,
                    "url": comment.page.get_url(request) if comment.page.live else None,
                    "buttons": moderation_buttons(comment, ("approve", "spam")),
                    "described_by": f"pending-comment-{comment.pk}",
                }
                for comment in comments[:PANEL_SIZE]
            ],
            "pending_count": pending_count(request),
            "queue_url": f"{listing_url()}?status=pending",
            "next_url": reverse("wagtailadmin_home"),
            "undo": undo.offered(request),
            "undo_url": reverse(url_name("undo")),
            "csrf_token": get_token(request),
        }
