"""What each kind of page shows, as cache tags, and which tags a change of content touches.

Tags name things a page shows: ``page:<id>`` (the page itself), ``comments:<id>`` (an
article's comments), ``articles``/``techniques``/``authors`` (any of those, as cards, bylines
or links), ``comment-counts`` (the counts on article cards) and ``site`` (menus, settings,
breadcrumbs: anything that can appear on every page).
"""

from therapies.models import TechniqueIndexPage, TechniquePage

from ..models import ArticlePage, AuthorIndexPage, AuthorPage, BlogIndexPage
from . import ARTICLES, AUTHORS, COMMENT_COUNTS, SITE, TECHNIQUES

SHOWS = {
    ArticlePage: (AUTHORS, TECHNIQUES, ARTICLES),  # bylines, technique cards, related
    BlogIndexPage: (ARTICLES, AUTHORS, TECHNIQUES, COMMENT_COUNTS),
    TechniquePage: (ARTICLES, AUTHORS, TECHNIQUES, COMMENT_COUNTS),
    AuthorPage: (ARTICLES, TECHNIQUES, COMMENT_COUNTS),
    TechniqueIndexPage: (TECHNIQUES,),
    AuthorIndexPage: (AUTHORS,),
}
# Publishing one of these changes the listings and cards of its kind.
KIND = {ArticlePage: ARTICLES, TechniquePage: TECHNIQUES, AuthorPage: AUTHORS}


def page_tag(page_id):
    return f"page:{page_id}"


def comments_tag(article_id):
    return f"comments:{article_id}"


def is_cacheable(page):
    return type(page) in SHOWS


def shown_by(page):
    """The tags of everything ``page`` shows."""
    tags = {page_tag(page.pk), SITE, *SHOWS[type(page)]}
    if isinstance(page, ArticlePage):
        tags.add(comments_tag(page.pk))
    return tags


def touched_by_page(page_class, page_id):
    """The tags to invalidate when a page of ``page_class`` is published, unpublished,
    moved or deleted. Pages of other kinds (index pages, a host site's own pages) can appear
    in menus and breadcrumbs everywhere, so they touch the whole site."""
    return {page_tag(page_id), KIND.get(page_class, SITE)}


def touched_by_comments(article_ids):
    """Approving, rejecting or deleting comments changes their articles and the counts."""
    return {COMMENT_COUNTS, *(comments_tag(article_id) for article_id in article_ids)}
