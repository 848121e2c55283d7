from django.core.paginator import Paginator

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE):
    """The requested page of ``queryset``; a missing, malformed or out-of-range
    ``?page=`` gives the nearest real page rather than an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
