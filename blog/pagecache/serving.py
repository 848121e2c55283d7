"""The Wagtail side of the page cache (an adapter of blog.pagecache.policy): marks the pages
an anonymous reader may share, and says so in the headers a CDN or browser reads. A page
type takes part by declaring what it shows: ``cache_tags()`` (the wellness pages have it
from blog.core.pages)."""

from django.utils.cache import patch_cache_control, patch_vary_headers

from blog.core import versioned
from blog.core.conf import wellness_settings
from blog.core.state import state

from . import routes
from .policy import enabled, may_share


def cache_pages(serve_page):
    """An ``on_serve_page`` hook wrapping Wagtail's serving of a page."""

    def serve(page, request, args, kwargs):
        cache_tags = getattr(page, "cache_tags", None)
        if cache_tags is None:
            return serve_page(page, request, args, kwargs)
        if routes.enabled():
            routes.remember(request, page, args, kwargs)
        if not enabled():
            return serve_page(page, request, args, kwargs)
        shareable = may_share(
            request.META, page.pk, getattr(request, "session", None)
        ) and not getattr(request, "is_preview", False)
        current = state(request.META)
        if shareable:
            # The versions as they are before the page reads the database: a change that
            # lands while it renders leaves this copy stale, never the next one.
            current.tag_versions = versioned.versions(cache_tags())
        response = serve_page(page, request, args, kwargs)
        if hasattr(response, "render"):
            response.render()
        patch_vary_headers(response, ["Cookie"])
        if shareable:
            lifetime = current.timeout = versioned.time_left(page, request)
            s_maxage = cdn_max_age() if lifetime is None else min(cdn_max_age(), lifetime)
            patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return serve


def cdn_max_age():
    """How long a CDN may keep a page without asking again. 0 unless the site purges the
    CDN on publish (Wagtail's frontend cache app), as docs/page-cache.md explains."""
    return wellness_settings.CDN_MAX_AGE
