"""Remembered routes: which page a URL leads to.

Wagtail finds the page for a URL by walking down from the site's root page, a query or two
per level, after a query for the site. Once a URL has led to a wellness page, this remembers
the site and the page, so the next request loads the page in one query and Wagtail's serving
(view restrictions, hooks, the page's own serve()) carries on as usual. Any page published,
unpublished, moved or deleted, or any site changed, forgets every route (the ``routes`` tag,
blog.core.tags).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.url_routing import RouteResult

from blog.core import versioned
from blog.core.conf import wellness_settings
from blog.core.state import state
from blog.core.tags import ROUTES

from .keys import entry_key

PREFIX = "wellness:route:"


def enabled():
    return wellness_settings.ROUTE_CACHE


def _key(environ):
    """A route's key: the URL without its query, from a WSGI environ or a request's META."""
    return entry_key(environ, PREFIX, with_query=False)


def prime(request):
    """Hand Wagtail the site and route for this URL, if known; else note the routes'
    version, so what Wagtail finds can be remembered (see ``remember``)."""
    known = versioned.fetch(_key(request.META))
    if known is not None:
        model = apps.get_model(known["model"])
        # The page's own row only: what it shows of its relations is in its kept fragments
        # (blog.core.fragments), loaded only when those are rendered again.
        page = model.objects.filter(pk=known["page"], live=True).first()
        if page is not None:
            request._wagtail_site = known["site"]
            request._wagtail_route_for_request = RouteResult(page)
            return
    # Taken before Wagtail routes: a change that lands meanwhile makes what it finds stale.
    state(request.META).route_versions = versioned.versions({ROUTES})


def known_page(environ):
    """The id of the page this URL leads to, if a route to it is remembered."""
    known = versioned.fetch(_key(environ))
    return None if known is None else known["page"]


def remember(request, page, args, kwargs):
    versions = state(request.META).route_versions
    if versions is None or _is_sub_route(request, args, kwargs):
        return
    if not hasattr(request, "_wagtail_site"):
        return
    payload = {"site": request._wagtail_site, "model": page._meta.label, "page": page.pk}
    versioned.put(_key(request.META), payload, versions)


def _is_sub_route(request, args, kwargs):
    """Whether the URL leads somewhere below the page itself: a routable page's sub-route
    (a blog's feed, say), which a remembered route to the page would not reach."""
    match = getattr(request, "routable_resolver_match", None)
    if match is not None:
        return match.url_name != "index_route"  # RoutablePageMixin's route to the page
    return bool(args or kwargs)


def forget(sender, **kwargs):
    versioned.invalidate(ROUTES)


def connect():
    """Forget every route when a site or a page's privacy changes. (Pages published,
    unpublished, moved or deleted change the ``routes`` tag with their own: blog.core.tags,
    before the server warms them again, blog.core.warming.)"""
    # Here rather than above: the WSGI front imports this module before Django is set up.
    from wagtail.models import PageViewRestriction, Site

    for model in (Site, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                forget, sender=model, dispatch_uid=f"wellness-routes-{id(signal)}-{model}"
            )
