"""Therapy technique pages: what a technique is, how a session works, its benefits,
safety and evidence, and the articles that discuss it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtailmarkdown.fields import MarkdownField

from blog.images import RENDITION_SETS, attach_images
from blog.metadata import PageMetadataMixin
from blog.models.ordered import OrderedLink
from blog.pagination import paginate_articles
from blog.permissions import ReviewedPublishingMixin, ViewRestrictionsMixin
from blog.querysets import WellnessPageQuerySet
from blog.serializers import LinkedPagesField, MarkdownTextField
from blog.structured_data import medical_therapy


class TechniquePageQuerySet(WellnessPageQuerySet):
    def for_listing(self):
        """Live, public techniques with their pictures (renditions: attach_images)."""
        return self.live().public().select_related("image").order_by("title")


def live_techniques(links):
    """The live techniques behind ``links`` (a relation to rows with a ``technique``), in
    the editor's order; read through the relation, so previews show unsaved changes.
    Their pictures are for the caller to attach (blog.images.attach_images), together with
    whatever else the page shows."""
    return [link.technique for link in links.select_related("technique") if link.technique.live]


class TechniqueIndexPage(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin, Page):
    intro = models.TextField(
        blank=True, help_text="A sentence or two shown above the list of techniques."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["therapies.TechniquePage"]
    teaser_field = "intro"

    class Meta:
        verbose_name = "technique index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        techniques = list(TechniquePage.objects.child_of(self).for_listing())
        attach_images([(technique, "image") for technique in techniques], "card")
        context["techniques"] = techniques
        return context


class TechniquePage(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin, Page):
    summary = models.CharField(
        max_length=240,
        help_text="One or two plain sentences, shown on cards and to search engines.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture for cards and the top of the page.",
    )
    image_alt = models.CharField(
        "image alt text",
        max_length=255,
        blank=True,
        help_text="Describe the picture for people who cannot see it. Leave blank if decorative.",
    )
    what_it_is = MarkdownField(help_text="What the technique is, in plain language.")
    how_it_works = MarkdownField(
        "how a session works", help_text="What happens in a session, step by step."
    )
    safety = MarkdownField(
        "safety and contraindications",
        help_text="Who should not have this technique, and when to see a doctor first. "
        "Shown prominently near the top of the page.",
    )
    evidence = MarkdownField(
        blank=True, help_text="An honest summary of what research does and does not show."
    )

    objects = PageManager.from_queryset(TechniquePageQuerySet)()
    image_field = "image"
    image_alt_field = "image_alt"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 2})),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        FieldPanel("what_it_is"),
        FieldPanel("how_it_works"),
        InlinePanel("benefits", label="Benefits", heading="Benefits"),
        FieldPanel("safety"),
        FieldPanel("evidence"),
        InlinePanel("references", label="Reference", heading="Evidence and references"),
        InlinePanel("related_technique_links", label="Technique", heading="Related techniques"),
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
    parent_page_types = ["therapies.TechniqueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "technique"

    @property
    def related_techniques(self):
        return [link.technique for link in self.related_technique_links.all()]

    def get_context(self, request, *args, **kwargs):
        # blog depends on therapies for its models; the backlink query is blog's to own.
        from blog.models import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        related = live_techniques(self.related_technique_links.select_related("technique__image"))
        context["articles"] = paginate_articles(
            request,
            ArticlePage.objects.about_technique(self).for_listing(),
            more_images=[(technique, "image") for technique in related],
        )
        context["related_techniques"] = related
        context["structured_data"] = [medical_therapy(self, request)]
        return context


class RelatedTechnique(OrderedLink):
    """Another technique that readers of this one may want next, in the editor's order."""

    page = ParentalKey(
        TechniquePage, on_delete=models.CASCADE, related_name="related_technique_links"
    )
    technique = models.ForeignKey(TechniquePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("technique")]

    class Meta(OrderedLink.Meta):
        unique_together = [("page", "technique")]

    def clean(self):
        super().clean()
        if self.page_id is not None and self.page_id == self.technique_id:
            raise ValidationError({"technique": "A technique cannot be related to itself."})


class TechniqueBenefit(OrderedLink):
    """One bold-labelled benefit ("Pain relief: ..."), kept as data so every technique
    page presents its benefits the same way and they can be reordered."""

    page = ParentalKey(TechniquePage, on_delete=models.CASCADE, related_name="benefits")
    label = models.CharField(max_length=60, help_text='A short label, e.g. "Pain relief".')
    explanation = models.TextField(max_length=400)

    panels = [FieldPanel("label"), FieldPanel("explanation")]
    api_fields = [APIField("label"), APIField("explanation")]

    def __str__(self):
        return self.label


class Reference(models.Model):
    """A citation with an optional link; techniques and articles both cite their sources."""

    citation = models.TextField(
        max_length=500, help_text="Authors, year, title and where it was published."
    )
    url = models.URLField("URL", blank=True, max_length=500)
    doi = models.CharField(
        "DOI", max_length=200, blank=True, help_text='For example "10.1002/14651858.CD001929".'
    )

    panels = [FieldPanel("citation"), FieldPanel("url"), FieldPanel("doi")]
    api_fields = [APIField("citation"), APIField("url"), APIField("doi"), APIField("link")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.citation

    def clean(self):
        super().clean()
        self.doi = self.doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
        if self.doi and not self.doi.startswith("10."):
            raise ValidationError({"doi": 'A DOI starts with "10.", e.g. 10.1037/0033-2909.'})

    @property
    def link(self):
        """Where a reader can check the source: the DOI resolver first, as it outlives URLs."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url


class TechniqueReference(OrderedLink, Reference):
    page = ParentalKey(TechniquePage, on_delete=models.CASCADE, related_name="references")
