"""Pages of article cards: the blog index, an author's articles, a technique's articles."""

import hashlib
from array import array

from blog.comments.models import ReaderComment
from blog.core import versioned
from blog.core.images import attach_images
from blog.core.pagination import paginate
from blog.core.tags import SITE, kind_tag

ARTICLES_PER_PAGE = 12
CARD_TEMPLATE = "wellness_blog/includes/article_card.html"


def listing_ids(articles):
    """The ids of every article ``articles`` holds, in its order.

    Which articles a listing holds, and in what order, is the part of a listing whose cost
    grows with the site: the database sorts every match to find a page of them, and counts
    them all. So the whole order is worked out in one query and kept in the cache until
    articles (or the site's privacy settings) change: every page of the listing, the first
    as the 4,000th, is a slice of it, and its length is the listing's count. Kept as packed
    integers: a blog of 50,000 articles takes 400 KB.
    """
    if articles.query.is_empty():  # e.g. a filter that matched nothing: no SQL to key by
        return array("q")
    ids = articles.values_list("pk", flat=True)
    # Keyed by the query of the ids alone: a feed and a listing of the same articles share it.
    key = f"wellness:listing:{hashlib.sha256(str(ids.query).encode()).hexdigest()}:ids"
    depends_on = {kind_tag(articles.model), SITE}
    packed = versioned.remember(key, depends_on, lambda: array("q", ids).tobytes())
    kept = array("q")
    kept.frombytes(packed)
    return kept


class KeptOrder:
    """``articles`` as a paginator takes a queryset (``count()`` and a slice), counted and
    sliced from the listing's kept order (``listing_ids``) rather than by the database: a
    slice costs one query for its articles (and their prefetches), however deep it is."""

    def __init__(self, articles):
        self.articles = articles
        self.ids = listing_ids(articles)

    def count(self):
        return len(self.ids)

    def __getitem__(self, window):
        return self.articles.in_order(list(self.ids[window]))


def newest(articles, count):
    """The first ``count`` of ``articles``, from the listing's kept order (``listing_ids``)."""
    return articles.in_order(listing_ids(articles)[:count])


def paginate_articles(request, articles, attach=True):
    """A page of article cards, with their pictures' renditions (unless the caller attaches
    them with the rest of its page's, ``attach=False``) and ``comment_count`` set.

    The page's articles are found in the listing's kept order (``listing_ids``); the cards
    themselves are always read afresh. A page costs four queries however many articles and
    cards, and however deep it is.
    """
    ids = listing_ids(articles)
    page = paginate(request, articles, ARTICLES_PER_PAGE, count=len(ids))
    shown = ids[page.start_index() - 1 : page.end_index()] if ids else []
    page.object_list = articles.in_order(list(shown))
    if attach:
        attach_images(image_slots(page), "card")
    counts = ReaderComment.objects.approved().counts_by_page([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk, 0)
    return page


def image_slots(articles):
    """The (article, field) pairs whose renditions article cards show."""
    return [(article, "image") for article in articles]
