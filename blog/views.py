"""The blog's few non-page views; pages themselves are served by Wagtail."""

from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Site

from .forms import SearchForm
from .pagination import paginate
from .search import RESULTS_PER_PAGE, search_site


def search(request):
    """Search results for ``?q=``; a blank, over-long or odd query gets a page saying so."""
    form = SearchForm(request.GET)
    site = Site.find_for_request(request)
    results = None
    if form.terms and site is not None:
        results = paginate(request, search_site(site, form.terms), RESULTS_PER_PAGE)
    context = {"form": form, "results": results}
    return render(request, "blog/search_results.html", context)


def robots_txt(request):
    """Crawlers may go anywhere but the admin, and are pointed at the sitemap."""
    context = {
        # Search results are endless variations on pages that are indexed anyway.
        "disallow": [reverse("wagtailadmin_home"), reverse("blog:search")],
        "sitemap_url": request.build_absolute_uri(reverse("blog:sitemap")),
    }
    return render(request, "blog/robots.txt", context, content_type="text/plain")
