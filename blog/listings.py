"""Pages of article cards: the blog index, an author's articles, a technique's articles."""

import hashlib

from blog.comments.models import ReaderComment
from blog.core import versioned
from blog.core.images import attach_images
from blog.core.pagination import paginate
from blog.core.tags import SITE, kind_tag

ARTICLES_PER_PAGE = 12
CARD_TEMPLATE = "wellness_blog/includes/article_card.html"


def _listing_key(articles, suffix):
    return f"wellness:listing:{hashlib.sha256(str(articles.query).encode()).hexdigest()}:{suffix}"


def _depends_on(articles):
    return {kind_tag(articles.model), SITE}


def article_count(articles):
    """How many articles a listing holds. Counting thousands of rows is one of the two parts
    of a listing whose cost grows with the site, and the answer only changes when articles
    (or the site's privacy settings) do: it is kept in the cache until then."""
    if articles.query.is_empty():  # e.g. a filter that matched nothing: no SQL to key by
        return 0
    return versioned.remember(
        _listing_key(articles, "count"), _depends_on(articles), articles.count
    )


def paginate_articles(request, articles, attach=True):
    """A page of article cards, with their pictures' renditions (unless the caller attaches
    them with the rest of its page's, ``attach=False``) and ``comment_count`` set.

    Which articles a page shows is the other part that grows with the site (the database
    sorts every match to find the newest twelve), so the page's ids are kept in the cache
    too, until articles change; the cards themselves are always read afresh. A page costs
    four queries however many articles and cards.
    """
    page = paginate(request, articles, ARTICLES_PER_PAGE, count=article_count(articles))
    if not articles.query.is_empty():
        ids = versioned.remember(
            _listing_key(articles, page.number),
            _depends_on(articles),
            lambda: list(page.object_list.values_list("pk", flat=True)),
        )
        page.object_list = articles.in_order(ids)
    else:
        page.object_list = []
    if attach:
        attach_images(image_slots(page), "card")
    counts = ReaderComment.objects.approved().counts_by_page([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk, 0)
    return page


def image_slots(articles):
    """The (article, field) pairs whose renditions article cards show."""
    return [(article, "image") for article in articles]
