"""Author profiles: the therapists who write the blog."""

from django import forms
from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtailmarkdown.fields import MarkdownField

from ..images import RENDITION_SETS, attach_images
from ..metadata import PageMetadataMixin
from ..pagination import paginate_articles
from ..permissions import ReviewedPublishingMixin, ViewRestrictionsMixin
from ..querysets import WellnessPageQuerySet
from ..serializers import LinkedPagesField, MarkdownTextField
from ..structured_data import author_profile
from .ordered import OrderedLink

# The permission to change user accounts, whatever the user model is.
_user_app, _user_model = settings.AUTH_USER_MODEL.split(".")
MANAGE_ACCOUNTS = f"{_user_app}.change_{_user_model.lower()}"


class AuthorPageQuerySet(WellnessPageQuerySet):
    def for_listing(self):
        """Live, public authors with their photos (renditions: attach_images)."""
        return self.live().public().select_related("photo").order_by("title")


class AuthorIndexPage(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin, Page):
    intro = models.TextField(blank=True, help_text="A sentence or two shown above the authors.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["blog.AuthorPage"]
    teaser_field = "intro"

    class Meta:
        verbose_name = "author index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        authors = list(AuthorPage.objects.child_of(self).for_listing())
        attach_images([(author, "photo") for author in authors], "portrait")
        context["authors"] = authors
        return context


class AuthorPage(ReviewedPublishingMixin, ViewRestrictionsMixin, PageMetadataMixin, Page):
    """A therapist's profile. The page title is the author's name."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly head-and-shoulders photo; it is cropped to a square.",
    )
    credentials = models.CharField(
        max_length=100, blank=True, help_text='Qualifications after the name, e.g. "LMT, NCTMB".'
    )
    short_bio = models.CharField(
        max_length=200, help_text="One or two sentences for bylines and author cards."
    )
    long_bio = MarkdownField(blank=True, help_text="The full biography on the profile page.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The admin account of this author. Articles they create list them as author.",
    )

    objects = PageManager.from_queryset(AuthorPageQuerySet)()
    teaser_field = "short_bio"
    image_field = "photo"
    image_alt_field = "photo_alt"
    open_graph_type = "profile"

    content_panels = [
        FieldPanel("title", heading="Name"),
        FieldPanel("credentials"),
        FieldPanel("photo"),
        FieldPanel("short_bio", widget=forms.Textarea(attrs={"rows": 2})),
        FieldPanel("long_bio"),
        InlinePanel("specialties", label="Specialty", heading="Specialties"),
        # Which account a profile belongs to decides whose articles it prefills and, where
        # authors moderate their own articles' comments, whose comments: only those who
        # manage accounts see the field, and a form without it ignores a forged value.
        MultiFieldPanel([FieldPanel("user", permission=MANAGE_ACCOUNTS)], heading="Admin account"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("credentials"),
        index.SearchField("short_bio"),
        index.SearchField("long_bio"),
    ]
    api_fields = [
        APIField("credentials"),
        APIField("short_bio"),
        APIField("long_bio", serializer=MarkdownTextField()),
        APIField("photo", serializer=ImageRenditionField(RENDITION_SETS["portrait"].specs[-1])),
        APIField("specialty_techniques", serializer=LinkedPagesField(published_only=True)),
    ]
    parent_page_types = ["blog.AuthorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "author"

    def __str__(self):
        return self.title

    @property
    def name(self):
        return self.title

    @property
    def photo_alt(self):
        return f"Portrait of {self.title}"

    @property
    def specialty_techniques(self):
        return [link.technique for link in self.specialties.all()]

    def get_context(self, request, *args, **kwargs):
        from .articles import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        specialties = self.specialties.select_related("technique")
        context["specialties"] = [link.technique for link in specialties if link.technique.live]
        context["articles"] = paginate_articles(
            request, ArticlePage.objects.by_author(self).for_listing()
        )
        context["structured_data"] = [author_profile(self, request, context["specialties"])]
        return context


class AuthorSpecialty(OrderedLink):
    """Links an author to the techniques they practise, in the order they choose; the
    techniques are pages of their own, so the profile can link to each."""

    page = ParentalKey(AuthorPage, on_delete=models.CASCADE, related_name="specialties")
    technique = models.ForeignKey(
        "therapies.TechniquePage", on_delete=models.CASCADE, related_name="specialist_links"
    )

    panels = [FieldPanel("technique")]

    class Meta(OrderedLink.Meta):
        verbose_name = "specialty"
        verbose_name_plural = "specialties"
        # unique_together (not a UniqueConstraint) so the inline formset reports duplicates.
        unique_together = [("page", "technique")]
