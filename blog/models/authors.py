"""Author profiles: the therapists who write the blog."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtailmarkdown.fields import MarkdownField

from blog.core.fragments import lazy_parts
from blog.core.images import RENDITION_SETS, PageImageMixin
from blog.core.links import OrderedLink
from blog.core.pages import WellnessIndexPage, WellnessPageMixin, page_link
from blog.core.querysets import WellnessPageQuerySet
from blog.core.serializers import LinkedPagesField, MarkdownTextField
from therapies.widgets import TechniqueChooser

from ..listings import paginate_articles
from ..structured_data import author_profile
from .articles import ArticlePage

# The permission to change user accounts, whatever the user model is.
_user_app, _user_model = settings.AUTH_USER_MODEL.split(".")
MANAGE_ACCOUNTS = f"{_user_app}.change_{_user_model.lower()}"


class AuthorPageQuerySet(WellnessPageQuerySet):
    def for_listing(self):
        """Live, public authors with their photos (renditions: attach_images)."""
        return self.live().public().select_related("image").order_by("title")


class AuthorIndexPage(WellnessIndexPage):
    page_ptr = page_link()
    listing_model = "wellness_blog.AuthorPage"
    listing_images = "portrait"
    card_template = "wellness_blog/includes/author_card.html"
    grid_class = "author-grid"
    empty_message = _("No authors yet.")
    subpage_types = ["wellness_blog.AuthorPage"]

    class Meta:
        verbose_name = _("author index")
        verbose_name_plural = _("author indexes")


class AuthorPage(WellnessPageMixin, PageImageMixin, Page):
    """A therapist's profile. The page title is the author's name; the picture is their photo."""

    page_ptr = page_link()
    credentials = models.CharField(
        _("credentials"),
        max_length=100,
        blank=True,
        help_text=_('Qualifications after the name, e.g. "LMT, NCTMB".'),
    )
    short_bio = models.CharField(
        _("short biography"),
        max_length=200,
        help_text=_("One or two sentences for bylines and author cards."),
    )
    long_bio = MarkdownField(
        _("biography"), blank=True, help_text=_("The full biography on the profile page.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("The admin account of this author. Articles they create list them as author."),
    )

    objects = PageManager.from_queryset(AuthorPageQuerySet)()
    teaser_field = "short_bio"
    open_graph_type = "profile"
    cache_shows = (
        "wellness_blog.ArticlePage",
        "wellness_therapies.TechniquePage",
        "wellness_comments.ReaderComment",  # the counts on the article cards
    )
    shown_site_wide = False

    content_panels = [
        FieldPanel("title", heading=_("Name")),
        FieldPanel("credentials"),
        PageImageMixin.image_panel(heading=_("Photo")),
        FieldPanel("short_bio", widget=forms.Textarea(attrs={"rows": 2})),
        FieldPanel("long_bio"),
        InlinePanel("specialties", label=_("Specialty"), heading=_("Specialties")),
        # Which account a profile belongs to decides whose articles it prefills and, where
        # authors moderate their own articles' comments, whose comments: only those who
        # manage accounts see the field, and a form without it ignores a forged value.
        MultiFieldPanel(
            [FieldPanel("user", permission=MANAGE_ACCOUNTS)], heading=_("Admin account")
        ),
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
        APIField("image", serializer=ImageRenditionField(RENDITION_SETS["portrait"].specs[-1])),
        APIField("specialty_techniques", serializer=LinkedPagesField(published_only=True)),
    ]
    parent_page_types = ["wellness_blog.AuthorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.title

    @property
    def name(self):
        return self.title

    @property
    def meta_image_alt(self):
        return self.image_alt or _("Portrait of %(name)s") % {"name": self.title}

    @property
    def specialty_techniques(self):
        return [link.technique for link in self.specialties.all()]

    def get_context(self, request, *args, **kwargs):
        def shown_parts():
            specialties = self.specialties.select_related("technique")
            specialties = [link.technique for link in specialties if link.technique.live]
            articles = ArticlePage.objects.by_author(self).for_listing()
            return {
                "specialties": specialties,
                "articles": paginate_articles(request, articles),
                "structured_data": [author_profile(self, request, specialties)],
            }

        context = super().get_context(request, *args, **kwargs)
        # On first use: the profile is kept rendered (blog.core.fragments).
        context.update(lazy_parts(shown_parts, ["specialties", "articles", "structured_data"]))
        return context


class AuthorSpecialty(OrderedLink):
    """Links an author to the techniques they practise, in the order they choose; the
    techniques are pages of their own, so the profile can link to each."""

    page = ParentalKey(AuthorPage, on_delete=models.CASCADE, related_name="specialties")
    technique = models.ForeignKey(
        "wellness_therapies.TechniquePage",
        verbose_name=_("technique"),
        on_delete=models.CASCADE,
        related_name="specialist_links",
    )

    panels = [FieldPanel("technique", widget=TechniqueChooser)]

    class Meta(OrderedLink.Meta):
        verbose_name = _("specialty")
        verbose_name_plural = _("specialties")
        # unique_together (not a UniqueConstraint) so the inline formset reports duplicates.
        unique_together = [("page", "technique")]
