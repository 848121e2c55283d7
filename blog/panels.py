"""The dashboard panel of a therapist's own writing: one click to a new article under the
right blog, her drafts (and those sent back to her), and her articles awaiting review.
Comments awaiting her moderation and her reviews coming due have panels of their own
(blog.comments, blog.review)."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from .models import ArticlePage, BlogIndexPage

PANEL_SIZE = 8


@dataclass
class Row:
    article: ArticlePage
    edit_url: str
    workflow: WorkflowState | None

    @property
    def changes_requested(self):
        return bool(self.workflow) and self.workflow.status == WorkflowState.STATUS_NEEDS_CHANGES


def new_article_links(user):
    """(blog, URL of its new-article form) for each blog the user may add articles to."""
    return [
        (blog, reverse("wagtailadmin_pages:add", args=["wellness_blog", "articlepage", blog.pk]))
        for blog in BlogIndexPage.objects.defer_streamfields().order_by("path")
        if blog.permissions_for_user(user).can_add_subpage()
    ]


class YourWritingPanel(Component):
    name = "your_writing"
    template_name = "wellness_blog/admin/your_writing_panel.html"
    order = 140  # first: what she came to do

    def __init__(self, profile):
        self.profile = profile

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        mine = Q(pk__in=ArticlePage.objects.by_author(self.profile).values("pk")) | Q(owner=user)
        unpublished = ArticlePage.objects.filter(mine).filter(
            Q(live=False) | Q(has_unpublished_changes=True)
        )
        articles = list(
            unpublished.defer_streamfields().order_by("-latest_revision_created_at")[:50]
        )
        workflows = {
            int(state.object_id): state
            for state in WorkflowState.objects.active()
            .filter(object_id__in=[str(article.pk) for article in articles])
            .select_related("current_task_state__task")
        }
        rows = [
            Row(article, reverse("wagtailadmin_pages:edit", args=[article.pk]), workflows.get(pk))
            for pk, article in ((article.pk, article) for article in articles)
        ]
        in_review = [row for row in rows if row.workflow and not row.changes_requested]
        return {
            "new_article_links": new_article_links(user),
            "drafts": [row for row in rows if row not in in_review][:PANEL_SIZE],
            "in_review": in_review[:PANEL_SIZE],
        }
