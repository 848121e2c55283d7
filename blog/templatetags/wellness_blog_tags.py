"""``{% load wellness_blog_tags %}``: the blogs' feeds, for any page's head or footer."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from blog.core import versioned
from blog.core.metadata import live_ancestors
from blog.core.tags import SITE
from therapies.models import TechniquePage

from ..feeds import FEED_FORMAT_NAMES, FEED_TYPES, ArticlesFeed, AuthorFeed, TechniqueFeed
from ..models import ArticlePage, AuthorPage, BlogIndexPage

register = template.Library()

# The page types with feeds of their own in each blog: (kind, feed class).
SUBJECT_FEEDS = {TechniquePage: ("technique", TechniqueFeed), AuthorPage: ("author", AuthorFeed)}


def site_blogs(request):
    """(title, URL) of the site's live blogs, remembered until a page or the site changes."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def find():
        blogs = BlogIndexPage.objects.live().public().in_site(site).order_by("path")
        return [(blog.title, blog.url) for blog in blogs]

    return versioned.remember(f"wellness:blogs:{site.pk}", {SITE}, find)


def blogs_for(request, page):
    """The blogs whose feeds a page links to: an article's own blog, a blog itself, or
    every blog of the site elsewhere."""
    if isinstance(page, BlogIndexPage):
        return [(page.title, page.url)]
    if isinstance(page, ArticlePage):
        blog = next(reversed(live_ancestors(page, request)), None)
        return [(blog.title, blog.url)] if blog is not None else []
    return site_blogs(request)


@register.inclusion_tag("wellness_blog/includes/feed_links.html", takes_context=True)
def feed_links(context):
    """<link rel="alternate"> tags for the feeds a page belongs to, so feed readers find
    them: the blog's newest articles and, on a technique or author page, also the blog's
    articles about that technique or by that author."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return {"links": []}
    feeds = [(ArticlesFeed.heading, {})]
    if type(page) in SUBJECT_FEEDS:
        kind, feed = SUBJECT_FEEDS[type(page)]
        feeds.append((feed.heading % {"subject": page.title}, {"kind": kind, "slug": page.slug}))
    links = []
    for blog_title, blog_url in blogs_for(request, page):
        for heading, subject in feeds:
            for format_name, feed_type in FEED_TYPES.items():
                title = _("%(blog)s: %(feed)s (%(format)s)") % {
                    "blog": blog_title,
                    "feed": heading,
                    "format": FEED_FORMAT_NAMES[format_name],
                }
                href = blog_url + BlogIndexPage.feed_path(format_name, **subject)
                links.append((title, feed_type.content_type.split(";")[0], href))
    return {"links": links}


@register.simple_tag(takes_context=True)
def newest_articles_feed(context):
    """The RSS feed of the site's first blog (for a "follow" link), or "" without one."""
    request = context.get("request")
    blogs = site_blogs(request) if request is not None else []
    return blogs[0][1] + BlogIndexPage.feed_path("rss") if blogs else ""


@register.filter
def credited_name(author):
    """An author's name, linked to their profile while it is live, and their credentials:
    markup to put inside a sentence that translators write whole."""
    name = (
        format_html('<a href="{}">{}</a>', author.url, author.title)
        if author.live
        else author.title
    )
    if author.credentials:
        return format_html("{}, {}", name, author.credentials)
    return format_html("{}", name)
