"""Articles: what therapists write and readers come for."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index

from blog.comments.pages import CommentablePageMixin
from blog.core import versioned
from blog.core.fragments import lazy_parts
from blog.core.images import RENDITION_SETS, PageImageMixin, attach_images
from blog.core.links import OrderedLink, Reference
from blog.core.metadata import live_ancestors
from blog.core.pages import WellnessPageMixin, page_link
from blog.core.querysets import WellnessPageQuerySet
from blog.core.serializers import (
    LinkedPageField,
    LinkedPagesField,
    RenderedStreamField,
    TagNamesField,
)
from blog.core.tags import SITE, kind_tag
from therapies.models import live_techniques
from therapies.widgets import TechniqueChooser

from ..blocks import ArticleBodyBlock
from ..body import render_body
from ..reading_time import count_words, reading_time_minutes
from ..structured_data import blog_posting
from ..widgets import AuthorChooser
from .review import ReviewScheduleMixin, ReviewScheduleQuerySetMixin

# What shown_parts() puts in an article's context.
SHOWN_PARTS = (
    "authors",
    "techniques",
    "related_articles",
    "article_tags",
    "blog_index",
    "references",
    "review_is_current",
    "body",
    "structured_data",
)
# How many related articles end an article: two rows of two in its narrow column.
RELATED_ARTICLES = 4
NEWEST_FIRST = (F("date").desc(nulls_last=True), "-pk")


class ArticlePageQuerySet(ReviewScheduleQuerySetMixin, WellnessPageQuerySet):
    def published(self):
        return self.live().public()

    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def by_author(self, author):
        return self.filter(author_links__author=author)

    def about_technique(self, technique):
        return self.filter(technique_links__technique=technique)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def with_authors(self):
        return self.prefetch_related(
            Prefetch("author_links", ArticleAuthor.objects.select_related("author"))
        )

    def for_listing(self):
        """Published articles, newest first, with their authors and pictures: a fixed
        number of queries however many. The pictures' renditions are attached by whoever
        shows them (blog.core.images.attach_images), with those of the rest of the page."""
        return (
            self.published()
            .newest_first()
            .defer_streamfields()
            .with_authors()
            .select_related("image")
        )

    def for_feed(self):
        """Published articles, newest first, with the authors and tags a feed entry names."""
        return (
            self.published()
            .newest_first()
            .defer_streamfields()
            .with_authors()
            .prefetch_related("tags")
        )

    def related_ids(self, article, technique_ids, tag_ids, limit):
        """The ids of other live articles of the same blog sharing techniques with
        ``article`` (the most shared first, then the newest), then sharing tags: enough
        candidates for ``limit`` once unpublished or private ones are left out
        (``for_listing().in_order()``).

        The ranking reads only the small link tables, grouped by article: a join of every
        article with its techniques and tags would be counted in full for each view, which on
        a site of thousands of articles takes seconds.
        """
        blog_path = article.path[: -Page.steplen]
        ranked = []
        for links, article_field, ids in (
            (ArticleTechnique.objects, "page", technique_ids),
            (ArticleTag.objects, "content_object", tag_ids),
        ):
            if len(ranked) >= limit or not ids:
                continue
            rows = (
                links.filter(**{f"{links.model.link_field}__in": ids})
                .filter(**{f"{article_field}__live": True})
                .filter(**{f"{article_field}__path__startswith": blog_path})
                .exclude(**{f"{article_field}__in": [article.pk, *ranked]})
                .values_list(article_field)
                .annotate(shared=Count("pk"))
                .order_by("-shared", f"-{article_field}__date", f"-{article_field}")
            )
            ranked += [article_id for article_id, _shared in rows[: 2 * limit]]
        return ranked


class ArticlePageForm(WagtailAdminPageForm):
    """Lists the therapist creating an article as its author, so they need not pick themselves,
    and keeps the authors from reviewing their own article."""

    def __init__(self, data=None, *args, for_user=None, **kwargs):
        super().__init__(data, *args, for_user=for_user, **kwargs)
        profile = getattr(for_user, "author_profile", None)
        if data is None and self.instance.pk is None and profile is not None:
            formset = self.formsets["author_links"]
            self.formsets["author_links"] = type(formset)(
                instance=self.instance,
                prefix=formset.prefix,
                form_kwargs=formset.form_kwargs,
                initial=[{"author": profile.pk}],
            )

    def clean(self):
        cleaned_data = super().clean()
        reviewer = cleaned_data.get("reviewer")
        if reviewer is not None and reviewer in self.chosen_authors():
            self.add_error("reviewer", _("The reviewer must be someone other than the authors."))
        return cleaned_data

    def chosen_authors(self):
        formset = self.formsets["author_links"]
        formset.is_valid()  # cleans the rows, so their choices can be read
        return {
            form.cleaned_data.get("author")
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        }


class ArticlePage(
    ReviewScheduleMixin, CommentablePageMixin, WellnessPageMixin, PageImageMixin, Page
):
    page_ptr = page_link()
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown on article cards, in feeds and in search results."),
    )
    date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Leave blank to use the day the article is first published. "
            "Set it to keep the original date of a post you are bringing over."
        ),
    )
    # A new article starts with one empty Markdown block to write in, rather than an empty
    # body that the editor flags as missing its Markdown before anyone has typed a word.
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), default=[("markdown", "")])
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    tags = ClusterTaggableManager(
        through="wellness_blog.ArticleTag", blank=True, verbose_name=_("tags")
    )
    reviewer = models.ForeignKey(
        "wellness_blog.AuthorPage",
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text=_(
            "Optional: a second therapist who checked the article for accuracy and safety."
        ),
    )
    last_reviewed = models.DateField(
        _("review date"), null=True, blank=True, help_text=_("When the reviewer last checked it.")
    )
    show_contents = models.BooleanField(
        _("show a table of contents"),
        default=True,
        help_text=_("Listed at the top of the article when it has three headings or more."),
    )

    # Listings set the number of approved comments on each card; elsewhere it is not shown.
    comment_count = None
    cache_shows = (
        "wellness_blog.AuthorPage",  # the byline and author cards
        "wellness_therapies.TechniquePage",  # the technique cards
        "wellness_blog.ArticlePage",  # related articles
    )
    shown_site_wide = False

    objects = PageManager.from_queryset(ArticlePageQuerySet)()
    base_form_class = ArticlePageForm
    open_graph_type = "article"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        InlinePanel("author_links", label=_("Author"), heading=_("Authors"), min_num=1),
        FieldRowPanel([FieldPanel("date"), FieldPanel("tags")]),
        PageImageMixin.image_panel(heading=_("Hero image")),
        FieldPanel("body"),
        FieldPanel("show_contents"),
        InlinePanel("technique_links", label=_("Technique"), heading=_("Related techniques")),
        InlinePanel("references", label=_("Reference"), heading=_("References")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("reviewer", widget=AuthorChooser),
                        FieldPanel("last_reviewed"),
                        FieldPanel("review_interval_months"),
                    ]
                )
            ],
            heading=_("Review"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_open")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("date"),
        APIField("reading_time"),
        APIField("authors", serializer=LinkedPagesField(attributes=["credentials"])),
        APIField("techniques", serializer=LinkedPagesField(published_only=True)),
        APIField("tags", serializer=TagNamesField()),
        APIField("image", serializer=ImageRenditionField(RENDITION_SETS["social"].specs[-1])),
        APIField("image_alt"),
        APIField("reviewer", serializer=LinkedPageField(attributes=["credentials"])),
        APIField("last_reviewed"),
        APIField("references"),
        APIField("body"),
        APIField("body_html", serializer=RenderedStreamField(source="body")),
    ]
    parent_page_types = ["wellness_blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Listings are newest first: the index lets the first page be read without sorting
        # every article.
        indexes = [models.Index(fields=["date"], name="wellness_article_date")]

    def clean(self):
        super().clean()
        errors = {}
        if self.reviewer_id and not self.last_reviewed:
            errors["last_reviewed"] = _("Give the date of the review.")
        if self.last_reviewed and not self.reviewer_id:
            errors["reviewer"] = _("Choose who reviewed the article, or clear the review date.")
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("A review date cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        self.reading_time = self.compute_reading_time()

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        if self.live and self.date is None:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)

    def compute_reading_time(self):
        text = self.body.stream_block.get_searchable_content(self.body)
        images = sum(1 for block in self.body if block.block_type == "image")
        return reading_time_minutes(sum(map(count_words, text)), images)

    @property
    def display_date(self):
        """The publication date; drafts and previews show today's date."""
        return self.date or timezone.localdate()

    @property
    def updated_date(self):
        """The day of the last published change, when that came after the article first
        appeared; None for an article unchanged since (or never) published."""
        if self.first_published_at is None or self.last_published_at is None:
            return None
        appeared = max(self.display_date, timezone.localdate(self.first_published_at))
        updated = timezone.localdate(self.last_published_at)
        return updated if updated > appeared else None

    @property
    def authors(self):
        return [link.author for link in self.author_links.all()]

    @property
    def author_names(self):
        """The byline as plain text: "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
        names = [author.title for author in self.authors]
        if len(names) < 2:
            return "".join(names)
        return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}

    @property
    def techniques(self):
        return [link.technique for link in self.technique_links.all()]

    def comments_since(self):
        return self.date

    @classmethod
    def pages_authored_by(cls, user):
        return cls.objects.filter(author_links__author__user=user)

    def comment_byline(self, user):
        profile = getattr(user, "author_profile", None)
        if profile is None:
            return super().comment_byline(user)
        return (profile.title, profile.credentials, profile if profile.live else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed on first use: the parts every reader sees are kept rendered
        # (blog.core.fragments), and a kept part needs none of this.
        context.update(lazy_parts(lambda: self.shown_parts(request, context), SHOWN_PARTS))
        return context

    def shown_parts(self, request, context):
        """What the article shows besides its own fields, for ``get_context``."""
        # Through the relations rather than fresh queries, so previews show unsaved changes.
        authors = [link.author for link in self.author_links.select_related("author__image")]
        techniques = live_techniques(self.technique_links.select_related("technique__image"))
        tags = list(self.tags.all())
        related = self.related_articles(request, techniques, tags)
        attach_images(
            [
                (self, "image"),
                *((author, "image") for author in authors),
                *((technique, "image") for technique in techniques),
                *((article, "image") for article in related),
            ],
            "hero",
            "social",
            "portrait",
            "card",
        )
        references = list(self.references.all())
        discussion = context["discussion"]
        return {
            "authors": authors,
            "techniques": techniques,
            "related_articles": related,
            "article_tags": tags,
            # Its blog, for the tag links: the parent, which the breadcrumbs load anyway.
            "blog_index": next(reversed(live_ancestors(self, request)), None),
            "references": references,
            "review_is_current": self.review_is_current(Site.find_for_request(request)),
            "body": render_body(self.body, context),
            "structured_data": [
                blog_posting(
                    self,
                    request,
                    authors=authors,
                    techniques=techniques,
                    tags=tags,
                    references=references,
                    comments=discussion.public_comments,
                    count=discussion.approved_count,
                )
            ],
        }

    def related_articles(self, request, techniques, tags):
        """The articles of the same blog to suggest after this one. Worked out once per
        article until articles change (blog.core.versioned); a preview works them out
        afresh, unsaved changes and all."""

        def rank():
            return ArticlePage.objects.related_ids(
                self, [t.pk for t in techniques], [t.pk for t in tags], RELATED_ARTICLES
            )

        if self.pk is None or getattr(request, "is_preview", False):
            ids = rank()
        else:
            depends_on = {kind_tag(ArticlePage), SITE}
            ids = versioned.remember(f"wellness:related:{self.pk}", depends_on, rank)
        return ArticlePage.objects.for_listing().in_order(ids)[:RELATED_ARTICLES]


class ArticleAuthor(OrderedLink):
    """Who wrote an article, in byline order. A relationship model rather than a foreign
    key because articles can have several authors and the order is the editor's choice."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(
        "wellness_blog.AuthorPage",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("author", widget=AuthorChooser)]

    class Meta(OrderedLink.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        unique_together = [("page", "author")]


class ArticleTechnique(OrderedLink):
    """The techniques an article is about. Drives the technique cards on the article and
    the "articles about this technique" list on each technique page."""

    link_field = "technique"  # what related_ids() ranks articles by sharing

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="technique_links")
    technique = models.ForeignKey(
        "wellness_therapies.TechniquePage",
        verbose_name=_("technique"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("technique", widget=TechniqueChooser)]

    class Meta(OrderedLink.Meta):
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")
        unique_together = [("page", "technique")]


class ArticleReference(OrderedLink, Reference):
    """A source the article cites, listed under it in the editor's order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")

    class Meta(OrderedLink.Meta):
        verbose_name = _("reference")
        verbose_name_plural = _("references")


class ArticleTag(TaggedItemBase):
    """Through model for article tags (django-taggit's pattern for tagging pages)."""

    link_field = "tag"  # what related_ids() ranks articles by sharing

    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
