"""RSS 2.0 and Atom 1.0 feeds of a site's published articles: all of them, or those about
one technique, by one author or with one tag. Each feed class serves both formats; the
URLconf makes one instance per format (see blog.urls)."""

import datetime
import re
from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Site

from therapies.models import TechniquePage

from .models import ArticlePage, AuthorPage, BlogIndexPage
from .structured_data import site_name

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
FEED_FORMAT_NAMES = {"rss": "RSS", "atom": "Atom"}
FEED_LENGTH = 20
# XML 1.0 forbids these; text pasted from word processors sometimes carries them.
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(text):
    return XML_FORBIDDEN.sub("", text)


class FeedScope(NamedTuple):
    """What a feed covers: one site's articles, perhaps narrowed to a subject (a technique,
    an author or a tag)."""

    site: Site
    subject: object = None

    @property
    def blog_url(self):
        index = BlogIndexPage.objects.live().in_site(self.site).order_by("path").first()
        return (index or self.site.root_page).full_url


class ArticlesFeed(Feed):
    """The site's newest articles."""

    def __init__(self, feed_type=Rss201rev2Feed):
        super().__init__()
        self.feed_type = feed_type

    def get_object(self, request):
        return FeedScope(self.site(request))

    @staticmethod
    def site(request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site is configured for this address.")
        return site

    def title(self, scope):
        return xml_text(f"{site_name(scope.site)}: latest articles")

    def description(self, scope):
        return xml_text(f"The newest articles from {site_name(scope.site)}.")

    def subtitle(self, scope):  # Atom's word for the description
        return self.description(scope)

    def link(self, scope):
        return scope.blog_url

    def author_name(self, scope):
        # Atom wants an author for every entry; the site stands in for articles without one.
        return xml_text(site_name(scope.site))

    def items(self, scope):
        return self.articles(scope)[:FEED_LENGTH]

    def articles(self, scope):
        return ArticlePage.objects.in_site(scope.site).for_feed()

    def item_title(self, article):
        return xml_text(article.title)

    def item_description(self, article):
        # Both formats read descriptions as HTML; a summary is plain text.
        return escape(xml_text(article.summary))

    def item_link(self, article):
        return article.full_url

    def item_author_name(self, article):
        return xml_text(article.author_names) or None

    def item_pubdate(self, article):
        return timezone.make_aware(datetime.datetime.combine(article.display_date, datetime.time()))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_categories(self, article):
        return [xml_text(tag.name) for tag in article.tags.all()]


class SubjectFeed(ArticlesFeed):
    """The site's newest articles on one subject, found by its slug (404 if there is none)."""

    heading = "{}"  # what the feed is, e.g. "Articles about {}"
    narrowing = ""  # the ArticlePageQuerySet method that narrows articles to the subject

    def subjects(self, site):
        raise NotImplementedError

    def get_object(self, request, slug):
        site = self.site(request)
        subject = self.subjects(site).filter(slug=slug).order_by("pk").first()
        if subject is None:
            raise Http404("Nothing on this site has that slug.")
        return FeedScope(site, subject)

    def title(self, scope):
        return xml_text(f"{site_name(scope.site)}: {self.heading.format(scope.subject)}")

    def description(self, scope):
        return xml_text(f"{self.heading.format(scope.subject)}, from {site_name(scope.site)}.")

    def link(self, scope):
        return scope.subject.full_url

    def articles(self, scope):
        return getattr(super().articles(scope), self.narrowing)(scope.subject)


class TechniqueFeed(SubjectFeed):
    heading = "Articles about {}"
    narrowing = "about_technique"

    def subjects(self, site):
        return TechniquePage.objects.live().public().in_site(site)


class AuthorFeed(SubjectFeed):
    heading = "Articles by {}"
    narrowing = "by_author"

    def subjects(self, site):
        return AuthorPage.objects.live().public().in_site(site)


class TagFeed(SubjectFeed):
    heading = "Articles tagged “{}”"
    narrowing = "tagged"

    def subjects(self, site):
        return Tag.objects.all()

    def link(self, scope):
        return f"{scope.blog_url}?{urlencode({'tag': scope.subject.slug})}"


# The page types with a feed of their own: (URL name prefix, feed class), for the
# <link rel="alternate"> tags in their heads.
PAGE_FEEDS = {TechniquePage: ("technique", TechniqueFeed), AuthorPage: ("author", AuthorFeed)}
