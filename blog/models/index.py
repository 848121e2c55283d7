"""The blog index: every live article, newest first, filterable and paginated."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..cache import query
from ..forms import ArticleFilterForm
from ..metadata import PageMetadataMixin
from ..pagination import paginate_articles
from ..permissions import ReviewedPublishingMixin, ViewRestrictionsMixin
from .articles import ArticlePage


class BlogIndexPage(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin, Page):
    intro = models.TextField(blank=True, help_text="A sentence or two shown above the articles.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # The technique and author sections may live under the blog, as in the demo.
    subpage_types = ["blog.ArticlePage", "therapies.TechniqueIndexPage", "blog.AuthorIndexPage"]
    teaser_field = "intro"

    class Meta:
        verbose_name = "blog index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ArticleFilterForm(request.GET)
        for name, slug, match in filters.applied:
            if match is not None:  # a filter that matched nothing is not worth a copy
                query.use(request, name, slug)
        articles = filters.filter(ArticlePage.objects.child_of(self).for_listing())
        context["filters"] = filters
        context["articles"] = paginate_articles(request, articles)
        return context
