"""RSS 2.0 and Atom 1.0 feeds of one blog's published articles: all of them, or those about
one technique, by one author or with one tag. Each blog index serves its own
(``BlogIndexPage`` routes them), so two blogs on one site keep their feeds apart."""

import datetime
import re
from typing import NamedTuple
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from therapies.models import TechniquePage

from .listings import newest

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
FEED_FORMAT_NAMES = {"rss": "RSS", "atom": "Atom"}
FEED_LENGTH = 20
# XML 1.0 forbids these; text pasted from word processors sometimes carries them.
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(text):
    return XML_FORBIDDEN.sub("", str(text))


class FeedScope(NamedTuple):
    """What a feed covers: one blog's articles, perhaps narrowed to a subject (a technique,
    an author or a tag)."""

    blog: object
    subject: object = None


class ArticlesFeed(Feed):
    """A blog's newest articles."""

    #: What the feed is: "Latest articles", "Articles about {}"...
    heading = _("Latest articles")
    #: The URL name of the blog index route that serves it (blog.models.index).
    route_name = "feed"

    def __init__(self, blog, feed_type=Rss201rev2Feed):
        super().__init__()
        self.blog = blog
        self.feed_type = feed_type

    def get_object(self, request):
        return FeedScope(self.blog)

    def title(self, scope):
        return xml_text(
            _("%(blog)s: %(feed)s") % {"blog": scope.blog.title, "feed": self.describe(scope)}
        )

    def describe(self, scope):
        return str(self.heading)

    def description(self, scope):
        return xml_text(
            _("%(feed)s, from %(blog)s.") % {"feed": self.describe(scope), "blog": scope.blog.title}
        )

    def subtitle(self, scope):  # Atom's word for the description
        return self.description(scope)

    def link(self, scope):
        return scope.blog.full_url

    def author_name(self, scope):
        # Atom wants an author for every entry; the blog stands in for articles without one.
        return xml_text(scope.blog.title)

    def items(self, scope):
        # From the order the listings keep (blog.listings): the newest of a blog of 50,000
        # articles without sorting them all again for each reader's feed reader.
        return newest(self.articles(scope), FEED_LENGTH)

    def articles(self, scope):
        return scope.blog.articles().for_feed()

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
    """The blog's newest articles on one subject, found by its slug (404 if there is none)."""

    narrowing = ""  # the ArticlePageQuerySet method that narrows articles to the subject

    def subjects(self):
        raise NotImplementedError

    def get_object(self, request, slug):
        subject = self.subjects().filter(slug=slug).order_by("pk").first()
        if subject is None:
            raise Http404("Nothing on this site has that slug.")
        return FeedScope(self.blog, subject)

    def describe(self, scope):
        return str(self.heading) % {"subject": scope.subject}

    def link(self, scope):
        return scope.subject.full_url

    def articles(self, scope):
        return getattr(super().articles(scope), self.narrowing)(scope.subject)


class TechniqueFeed(SubjectFeed):
    heading = _("Articles about %(subject)s")
    route_name = "technique_feed"
    narrowing = "about_technique"

    def subjects(self):
        return TechniquePage.objects.live().public()


class AuthorFeed(SubjectFeed):
    heading = _("Articles by %(subject)s")
    route_name = "author_feed"
    narrowing = "by_author"

    def subjects(self):
        # By its label, as page types name each other: the blog's models serve these feeds.
        return apps.get_model("wellness_blog.AuthorPage").objects.live().public()


class TagFeed(SubjectFeed):
    heading = _("Articles tagged “%(subject)s”")
    route_name = "tag_feed"
    narrowing = "tagged"

    def subjects(self):
        return Tag.objects.all()

    def link(self, scope):
        return f"{scope.blog.full_url}?{urlencode({'tag': scope.subject.slug})}"
