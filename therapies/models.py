"""Therapy technique pages: what a technique is, how a session works, its benefits, safety
and evidence. Other apps add to them through the ``register_technique_page_section`` hook
(blog.core.sections): the plugin's blog adds the articles about each technique."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtailmarkdown.fields import MarkdownField

from blog.core.fragments import lazy_parts
from blog.core.images import RENDITION_SETS, PageImageMixin, attach_images
from blog.core.links import OrderedLink, Reference
from blog.core.pages import WellnessIndexPage, WellnessPageMixin, page_link
from blog.core.querysets import WellnessPageQuerySet
from blog.core.sections import section_tags, sections
from blog.core.serializers import LinkedPagesField, MarkdownTextField

from .structured_data import medical_therapy
from .widgets import TechniqueChooser

SECTIONS_HOOK = "register_technique_page_section"
CARD_TEMPLATE = "wellness_therapies/includes/technique_card.html"


class TechniquePageQuerySet(WellnessPageQuerySet):
    def for_listing(self):
        """Live, public techniques with their pictures (renditions: attach_images)."""
        return self.live().public().select_related("image").order_by("title")


def live_techniques(links):
    """The live techniques behind ``links`` (a relation to rows with a ``technique``), in
    the editor's order; read through the relation, so previews show unsaved changes.
    Their pictures are for the caller to attach (blog.core.images.attach_images), together
    with whatever else the page shows."""
    return [link.technique for link in links.select_related("technique") if link.technique.live]


class TechniqueIndexPage(WellnessIndexPage):
    page_ptr = page_link()
    listing_model = "wellness_therapies.TechniquePage"
    card_template = CARD_TEMPLATE
    empty_message = _("No techniques yet.")
    subpage_types = ["wellness_therapies.TechniquePage"]

    class Meta:
        verbose_name = _("technique index")
        verbose_name_plural = _("technique indexes")


class TechniquePage(WellnessPageMixin, PageImageMixin, Page):
    page_ptr = page_link()
    summary = models.CharField(
        _("summary"),
        max_length=240,
        help_text=_("One or two plain sentences, shown on cards and to search engines."),
    )
    what_it_is = MarkdownField(
        _("what it is"), help_text=_("What the technique is, in plain language.")
    )
    how_it_works = MarkdownField(
        _("how a session works"), help_text=_("What happens in a session, step by step.")
    )
    safety = MarkdownField(
        _("safety and contraindications"),
        help_text=_(
            "Who should not have this technique, and when to see a doctor first. "
            "Shown prominently near the top of the page."
        ),
    )
    evidence = MarkdownField(
        _("evidence"),
        blank=True,
        help_text=_("An honest summary of what research does and does not show."),
    )

    objects = PageManager.from_queryset(TechniquePageQuerySet)()
    cache_shows = ("wellness_therapies.TechniquePage",)  # the related techniques' cards
    shown_site_wide = False

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 2})),
        PageImageMixin.image_panel(),
        FieldPanel("what_it_is"),
        FieldPanel("how_it_works"),
        InlinePanel("benefits", label=_("Benefit"), heading=_("Benefits")),
        FieldPanel("safety"),
        FieldPanel("evidence"),
        InlinePanel("references", label=_("Reference"), heading=_("Evidence and references")),
        InlinePanel(
            "related_technique_links", label=_("Technique"), heading=_("Related techniques")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_it_is"),
        index.SearchField("how_it_works"),
        index.SearchField("safety"),
        index.SearchField("evidence"),
        index.RelatedFields(
            "benefits", [index.SearchField("label"), index.SearchField("explanation")]
        ),
    ]
    api_fields = [
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField(RENDITION_SETS["social"].specs[-1])),
        APIField("image_alt"),
        APIField("what_it_is", serializer=MarkdownTextField()),
        APIField("how_it_works", serializer=MarkdownTextField()),
        APIField("benefits"),
        APIField("safety", serializer=MarkdownTextField()),
        APIField("evidence", serializer=MarkdownTextField()),
        APIField("references"),
        APIField("related_techniques", serializer=LinkedPagesField(published_only=True)),
    ]
    parent_page_types = ["wellness_therapies.TechniqueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")

    @property
    def related_techniques(self):
        return [link.technique for link in self.related_technique_links.all()]

    def cache_tags(self):
        return {*super().cache_tags(), *section_tags(SECTIONS_HOOK)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # On first use: the page is kept rendered (blog.core.fragments).
        names = ["related_techniques", "sections", "structured_data"]
        context.update(lazy_parts(lambda: self.shown_parts(request), names))
        return context

    def shown_parts(self, request):
        """What the page shows besides its own fields, for ``get_context``."""
        related = live_techniques(self.related_technique_links.select_related("technique__image"))
        added = [
            (section.template_name, section.get_context(request, self))
            for section in sections(SECTIONS_HOOK)
        ]
        # Every picture on the page, the sections' too, in two queries at most.
        slots = [(technique, "image") for technique in related]
        sets = {"card"}
        for _template, section in added:
            slots += section.get("image_slots", [])
            sets.update(section.get("image_sets", ()))
        attach_images(slots, *sets)
        return {
            "related_techniques": related,
            "sections": added,
            "structured_data": [medical_therapy(self, request)],
        }


class RelatedTechnique(OrderedLink):
    """Another technique that readers of this one may want next, in the editor's order."""

    page = ParentalKey(
        TechniquePage, on_delete=models.CASCADE, related_name="related_technique_links"
    )
    technique = models.ForeignKey(
        TechniquePage, verbose_name=_("technique"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("technique", widget=TechniqueChooser)]

    class Meta(OrderedLink.Meta):
        verbose_name = _("related technique")
        verbose_name_plural = _("related techniques")
        unique_together = [("page", "technique")]

    def clean(self):
        super().clean()
        if self.page_id is not None and self.page_id == self.technique_id:
            raise ValidationError({"technique": _("A technique cannot be related to itself.")})


class TechniqueBenefit(OrderedLink):
    """One bold-labelled benefit ("Pain relief: ..."), kept as data so every technique
    page presents its benefits the same way and they can be reordered."""

    page = ParentalKey(TechniquePage, on_delete=models.CASCADE, related_name="benefits")
    label = models.CharField(
        _("label"), max_length=60, help_text=_('A short label, e.g. "Pain relief".')
    )
    explanation = models.TextField(_("explanation"), max_length=400)

    panels = [FieldPanel("label"), FieldPanel("explanation")]
    api_fields = [APIField("label"), APIField("explanation")]

    class Meta(OrderedLink.Meta):
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self):
        return self.label


class TechniqueReference(OrderedLink, Reference):
    page = ParentalKey(TechniquePage, on_delete=models.CASCADE, related_name="references")

    class Meta(OrderedLink.Meta):
        verbose_name = _("reference")
        verbose_name_plural = _("references")
