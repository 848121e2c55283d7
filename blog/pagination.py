from django.core.paginator import Paginator

from .models.comments import ReaderComment

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE):
    """The requested page of ``queryset``; a missing, malformed or out-of-range
    ``?page=`` gives the nearest real page rather than an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_articles(request, articles):
    """A page of article cards, each with ``comment_count`` set (one query for the page)."""
    page = paginate(request, articles)
    page.object_list = list(page.object_list)
    counts = ReaderComment.objects.approved().counts_by_article([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk, 0)
    return page
