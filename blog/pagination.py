import hashlib

from django.core.paginator import Paginator

from .cache import ARTICLES, SITE, query, store
from .images import attach_images
from .models.comments import ReaderComment

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE, count=None, param="page"):
    """The requested page of ``queryset``; a missing, malformed or out-of-range
    ``?page=`` gives the nearest real page rather than an error."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return requested_page(request, paginator, param)


def requested_page(request, paginator, param="page"):
    """The page of ``paginator`` that ``?<param>=`` asks for, or the nearest real one."""
    page = paginator.get_page(request.GET.get(param))
    if param in request.GET:
        query.use(request, param, page.number)
    return page


def _listing_key(articles, suffix):
    return f"wellness:listing:{hashlib.sha256(str(articles.query).encode()).hexdigest()}:{suffix}"


def article_count(articles):
    """How many articles a listing holds. Counting thousands of rows is one of the two parts
    of a listing whose cost grows with the site, and the answer only changes when articles
    (or the site's privacy settings) do: it is kept in the cache until then."""
    if articles.query.is_empty():  # e.g. a filter that matched nothing: no SQL to key by
        return 0
    return store.remember(_listing_key(articles, "count"), {ARTICLES, SITE}, articles.count)


def paginate_articles(request, articles, more_images=()):
    """A page of article cards, with their pictures' renditions (and those of
    ``more_images``, other cards on the page) and ``comment_count`` set.

    Which articles a page shows is the other part that grows with the site (the database
    sorts every match to find the newest twelve), so the page's ids are kept in the cache
    too, until articles change; the cards themselves are always read afresh. A page costs
    four queries however many articles and cards.
    """
    page = paginate(request, articles, count=article_count(articles))
    if not articles.query.is_empty():
        ids = store.remember(
            _listing_key(articles, page.number),
            {ARTICLES, SITE},
            lambda: list(page.object_list.values_list("pk", flat=True)),
        )
        page.object_list = articles.in_order(ids)
    else:
        page.object_list = []
    attach_images([*((article, "hero_image") for article in page), *more_images], "card")
    counts = ReaderComment.objects.approved().counts_by_article([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk, 0)
    return page
