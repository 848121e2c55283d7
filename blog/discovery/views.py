"""Search results and robots.txt; pages themselves are served by Wagtail."""

from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Site

from blog.core.pagination import paginate

from .forms import SearchForm
from .search import RESULTS_PER_PAGE, search_site


def search(request):
    """Search results for ``?q=``; a blank, over-long or odd query gets a page saying so."""
    form = SearchForm(request.GET)
    site = Site.find_for_request(request)
    results = None
    if form.terms and site is not None:
        results = paginate(request, search_site(site, form.terms), RESULTS_PER_PAGE)
    context = {"form": form, "results": results}
    return render(request, "wellness_discovery/search_results.html", context)


def robots_txt(request):
    """Crawlers may go anywhere but the admin, and are pointed at the sitemap."""
    context = {
        # Search results are endless variations on pages that are indexed anyway.
        "disallow": [reverse("wagtailadmin_home"), reverse("wellness_discovery:search")],
        "sitemap_url": request.build_absolute_uri(reverse("wellness_discovery:sitemap")),
    }
    return render(request, "wellness_discovery/robots.txt", context, content_type="text/plain")
