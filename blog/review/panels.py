"""The dashboard panel "Your reviews coming due": the articles a therapist wrote or reviews
whose review is overdue or due soon, shown only when there are any."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from blog.models import ArticlePage
from blog.review_dates import ReviewStatus

PANEL_SIZE = 10


class ReviewsComingDuePanel(Component):
    name = "reviews_coming_due"
    template_name = "wellness_review/dashboard_panel.html"
    order = 160  # below the comments awaiting moderation, above Wagtail's workflow panels

    def __init__(self, profile):
        self.profile = profile

    def get_context_data(self, parent_context):
        articles = (
            ArticlePage.objects.coming_due()
            .involving(self.profile)
            .defer_streamfields()
            .select_related("reviewer")
        )
        rows = [
            {
                "article": article,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
                "status": ReviewStatus(article.review_status).label,
                "overdue": article.review_status == ReviewStatus.OVERDUE,
                "reviewing": article.reviewer_id == self.profile.pk,
            }
            for article in articles[:PANEL_SIZE]
        ]
        return {
            "rows": rows,
            "report_url": f"{reverse('wellness_review:report')}?mine=on",
        }
