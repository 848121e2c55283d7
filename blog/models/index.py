"""The blog index: its live articles, newest first, filterable and paginated, and its feeds.

A site may have several blogs: each index lists, filters and syndicates its own articles."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from blog.core import query
from blog.core.pages import WellnessIndexPage, page_link

from ..feeds import FEED_TYPES, ArticlesFeed, AuthorFeed, TagFeed, TechniqueFeed
from ..forms import ArticleFilterForm
from ..listings import CARD_TEMPLATE, paginate_articles
from .articles import ArticlePage

SUBJECT_FEEDS = {"technique": TechniqueFeed, "author": AuthorFeed, "tag": TagFeed}


class BlogIndexPage(RoutablePageMixin, WellnessIndexPage):
    page_ptr = page_link()
    listing_model = "wellness_blog.ArticlePage"
    card_template = CARD_TEMPLATE
    empty_message = _("No articles to show yet.")
    # The technique and author sections may live under the blog, as in the demo.
    subpage_types = [
        "wellness_blog.ArticlePage",
        "wellness_therapies.TechniqueIndexPage",
        "wellness_blog.AuthorIndexPage",
    ]
    cache_shows = (
        "wellness_blog.AuthorPage",
        "wellness_therapies.TechniquePage",
        "wellness_comments.ReaderComment",  # the counts on the cards
    )

    class Meta:
        verbose_name = _("blog index")
        verbose_name_plural = _("blog indexes")

    @staticmethod
    def article_filters(request):
        """The ?technique=, ?author= and ?tag= filters asked for, read once a request."""
        if not hasattr(request, "wellness_article_filters"):
            filters = ArticleFilterForm(request.GET)
            for name, slug, match in filters.applied:
                if match is not None:  # a filter that matched nothing is not worth a copy
                    query.use(request, name, slug)
            request.wellness_article_filters = filters
        return request.wellness_article_filters

    def articles(self):
        """This blog's live articles, its listing's and its feeds' alike."""
        return ArticlePage.objects.child_of(self)

    def get_listing(self, request):
        """A page of this blog's articles, narrowed by the filters."""
        articles = self.articles().for_listing()
        return paginate_articles(request, self.article_filters(request).filter(articles))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filters"] = SimpleLazyObject(lambda: self.article_filters(request))
        return context

    @re_path(r"^feeds/(?P<format_name>rss|atom)/$", name="feed")
    def feed(self, request, format_name):
        return ArticlesFeed(self, FEED_TYPES[format_name])(request)

    @re_path(
        r"^feeds/(?P<kind>technique|author|tag)/(?P<slug>[-\w]+)/(?P<format_name>rss|atom)/$",
        name="subject_feed",
    )
    def subject_feed(self, request, kind, slug, format_name):
        return SUBJECT_FEEDS[kind](self, FEED_TYPES[format_name])(request, slug=slug)

    @classmethod
    def feed_path(cls, format_name, kind=None, slug=None):
        """Where a blog serves its feed of all its articles, or of those about one subject,
        below its own URL."""
        if kind is None:
            return cls.get_resolver().reverse("feed", format_name=format_name)
        kwargs = {"kind": kind, "slug": slug, "format_name": format_name}
        return cls.get_resolver().reverse("subject_feed", **kwargs)

    def feed_url(self, format_name, kind=None, slug=None):
        return self.url + self.feed_path(format_name, kind, slug)
