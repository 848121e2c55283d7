from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import routes, store

HIT_HEADER = "X-Wellness-Cache"


def is_anonymous_read(request):
    """A GET or HEAD from someone without a session: no editor, no reader with a comment of
    their own awaiting moderation. Only they may share a cached page."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


class AnonymousPageCacheMiddleware:
    """Answers anonymous readers from the page cache before any other work is done, and
    stores the pages that the serve hook (blog.cache.serving) marked as shareable.

    Put it near the top of MIDDLEWARE, after SecurityMiddleware (and WhiteNoise): everything
    below it is skipped on a hit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = store.enabled() and is_anonymous_read(request)
        if cacheable:
            key = store.entry_key(request)
            entry = store.fetch(key)
            if entry is not None:
                return self.hit(request, entry)
        if routes.enabled() and request.method in ("GET", "HEAD"):
            routes.prime(request)
        response = self.get_response(request)
        marker = getattr(request, "wellness_page_cache", None)
        if cacheable and marker is not None and self.shareable(response):
            entry = {
                "status": response.status_code,
                "content": response.content,
                "headers": dict(response.items()),
            }
            store.put(key, entry, marker)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def shareable(response):
        # A cookie or a private header means the page was made for one person after all
        # (e.g. a CSRF token was rendered into it): never share that.
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def hit(request, entry):
        response = HttpResponse(
            b"" if request.method == "HEAD" else entry["content"], status=entry["status"]
        )
        for header, value in entry["headers"].items():
            response[header] = value
        response[HIT_HEADER] = "hit"
        patch_vary_headers(response, ["Cookie"])
        return response
