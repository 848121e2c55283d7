"""The Wagtail side of the page cache: marks the wellness pages an anonymous reader may
share, and says so in the headers a CDN or browser reads."""

from django.utils.cache import patch_cache_control, patch_vary_headers

from ..conf import wellness_settings
from . import routes, store, tags
from .middleware import is_anonymous_read


def cache_wellness_pages(serve_page):
    """An ``on_serve_page`` hook wrapping Wagtail's serving of a page."""

    def serve(page, request, args, kwargs):
        if not tags.is_cacheable(page):
            return serve_page(page, request, args, kwargs)
        if routes.enabled():
            routes.remember(request, page, args, kwargs)
        if not store.enabled():
            return serve_page(page, request, args, kwargs)
        shareable = is_anonymous_read(request.META) and not getattr(request, "is_preview", False)
        if shareable:
            # The versions as they are before the page reads the database: a change that
            # lands while it renders leaves this copy stale, never the next one.
            request.wellness_page_cache = store.versions(tags.shown_by(page))
        response = serve_page(page, request, args, kwargs)
        if hasattr(response, "render"):
            response.render()
        patch_vary_headers(response, ["Cookie"])
        if shareable:
            patch_cache_control(response, public=True, max_age=0, s_maxage=cdn_max_age())
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return serve


def cdn_max_age():
    """How long a CDN may keep a page without asking again. 0 unless the site purges the
    CDN on publish (Wagtail's frontend cache app), as docs/page-cache.md explains."""
    return wellness_settings.CDN_MAX_AGE
