from django.core.paginator import Paginator

from . import query


def paginate(request, queryset, per_page, count=None, param="page"):
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
