"""Remembered routes: which page a URL leads to.

Wagtail finds the page for a URL by walking down from the site's root page, a query or two
per level, after a query for the site. Once a URL has led to a wellness page, this remembers
the site and the page, so the next request loads the page in one query and Wagtail's serving
(view restrictions, hooks, the page's own serve()) carries on as usual. Any page published,
unpublished, moved or deleted, or any site changed, forgets every route.
"""

from django.apps import apps
from wagtail.url_routing import RouteResult

from ..conf import wellness_settings
from . import store

ROUTES = "routes"
PREFIX = "wellness:route:"


def enabled():
    return wellness_settings.ROUTE_CACHE


def _key(request):
    return store.entry_key(request.META, PREFIX, with_query=False)


def prime(request):
    """Hand Wagtail the site and route for this URL, if known; else note the routes'
    version, so what Wagtail finds can be remembered (see ``remember``)."""
    known = store.fetch(_key(request))
    if known is not None:
        model = apps.get_model(known["model"])
        pages = model.objects.filter(pk=known["page"], live=True)
        # What the page shows of its own foreign keys comes in the same query.
        page = pages.select_related(*getattr(model, "serve_select_related", ())).first()
        if page is not None:
            request._wagtail_site = known["site"]
            request._wagtail_route_for_request = RouteResult(page)
            return
    # Taken before Wagtail routes: a change that lands meanwhile makes what it finds stale.
    request.wellness_route_versions = store.versions({ROUTES})


def remember(request, page, args, kwargs):
    versions = getattr(request, "wellness_route_versions", None)
    if versions is None or args or kwargs or not hasattr(request, "_wagtail_site"):
        return
    payload = {"site": request._wagtail_site, "model": page._meta.label, "page": page.pk}
    store.put(_key(request), payload, versions)
