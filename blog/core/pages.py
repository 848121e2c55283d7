"""What every wellness page type builds on."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .fragments import lazy_parts
from .images import attach_images
from .metadata import PageMetadataMixin
from .permissions import ReviewedPublishingMixin, ViewRestrictionsMixin
from .tags import SITE, kind_tag, page_tag


def page_link():
    """A wellness page type's link to Wagtail's Page, declared rather than made by Django.

    Django gives each page type an accessor on Page named after its class
    (``page.blogindexpage``). ``BlogIndexPage`` and ``ArticlePage`` are common names: a
    host app with a page type of the same name would clash with ours (fields.E304). Nothing
    uses those accessors (Wagtail reaches a page's type through ``specific``), so ours have
    none."""
    return models.OneToOneField(
        Page, parent_link=True, on_delete=models.CASCADE, related_name="+", primary_key=True
    )


class WellnessPageMixin(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin):
    """For the wellness page types: publishing through the site's workflow unless the user
    may skip review, privacy read in one query, metadata, and what the page shows, for the
    caches that must know when a copy of it is stale."""

    #: The page types (labels, "wellness_blog.ArticlePage") whose published changes this page
    #: shows besides its own, as cards, bylines, links or counts.
    cache_shows = ()
    #: Whether a change to a page of this type can show on every page, in menus and
    #: breadcrumbs as index pages do. Content types say False: a change to one of them
    #: touches only the pages that show their kind (``cache_shows``).
    shown_site_wide = True

    def cache_tags(self):
        """The tags of everything this page shows (blog.core.tags)."""
        return {page_tag(self.pk), SITE, *map(kind_tag, self.cache_shows)}

    def cache_valid_until(self, request):
        """When a copy of this page goes stale by the passage of time alone, with nothing
        published (an aware datetime), or None: what it shows changes only when content does."""
        return None


class WellnessIndexPage(WellnessPageMixin, Page):
    """The front page of a section: a sentence or two, then the section's live pages as
    cards. Creating one lets the Therapists group work in it (blog.core.permissions)."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two shown above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    teaser_field = "intro"
    #: What an index page looks like unless its type has a template of its own
    #: (``<app_label>/<model_name>.html``, Wagtail's default, which a site may add).
    default_template = "wellness_core/index_page.html"
    #: The page type the index lists (a label): its children of that type, by their
    #: queryset's ``for_listing()``.
    listing_model = None
    #: The rendition set the cards show the listed pages' pictures in (blog.core.images).
    listing_images = "card"
    #: The template of one card; it shows ``item`` with a heading at ``heading_level``.
    card_template = None
    grid_class = "card-grid"
    empty_message = _("Nothing here yet.")

    class Meta:
        abstract = True

    def cache_tags(self):
        return {*super().cache_tags(), kind_tag(self.listing_model)}

    def get_template(self, request, *args, **kwargs):
        return [super().get_template(request, *args, **kwargs), self.default_template]

    @property
    def body_class(self):
        """For stylesheets: the same in every language ("template-techniqueindexpage")."""
        return f"template-{self._meta.model_name}"

    def get_listing(self, request):
        """The cards to show, with their pictures' renditions."""
        model = apps.get_model(self.listing_model)
        items = list(model.objects.child_of(self).for_listing())
        attach_images([(item, "image") for item in items], self.listing_images)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # On first use: the listing is kept rendered (blog.core.fragments).
        context.update(lazy_parts(lambda: {"items": self.get_listing(request)}, ["items"]))
        return context
