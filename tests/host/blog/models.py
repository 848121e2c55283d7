"""A host's own blog, with the model names bakerydemo uses, and comments on its stories."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from blog.comments.pages import CommentablePageMixin


class BlogIndexPage(Page):
    subpage_types = ["blog.BlogPage"]


class BlogPage(CommentablePageMixin, Page):
    """What a host developer does to let readers comment on a page type of their own: the
    mixin among the bases, its switch among the panels, and {% comments %} in the template."""

    introduction = models.TextField(blank=True)
    byline = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_open")]
    parent_page_types = ["blog.BlogIndexPage"]

    @classmethod
    def pages_authored_by(cls, user):
        return cls.objects.filter(byline=user)
