from django.core.paginator import Paginator

from .images import attach_images
from .models.comments import ReaderComment

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE):
    """The requested page of ``queryset``; a missing, malformed or out-of-range
    ``?page=`` gives the nearest real page rather than an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_articles(request, articles, more_images=()):
    """A page of article cards, with their pictures' renditions (and those of
    ``more_images``, other cards on the page) and ``comment_count`` set: two queries for
    the page, however many cards."""
    page = paginate(request, articles)
    page.object_list = list(page.object_list)
    attach_images([*((article, "hero_image") for article in page), *more_images], "card")
    counts = ReaderComment.objects.approved().counts_by_article([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk, 0)
    return page
