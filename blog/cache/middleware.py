from django.conf import settings
from django.http import HttpResponse

from . import routes, store

HIT_HEADER = "X-Wellness-Cache"


def is_anonymous_read(environ):
    """A GET or HEAD from someone without a session: no editor, no reader with a comment of
    their own awaiting moderation. Only they may share a cached page. ``environ`` is a WSGI
    environ or a request's META."""
    return (
        environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")
        and "HTTP_AUTHORIZATION" not in environ
    )


def cached_response(environ):
    """(status, headers, body) of the cached copy for this request, if it may have one."""
    if not (store.enabled() and is_anonymous_read(environ)):
        return None
    entry = store.fetch(store.entry_key(environ))
    if entry is None:
        return None
    headers = {**entry["headers"], HIT_HEADER: "hit"}
    body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]
    return entry["status"], headers, body


class AnonymousPageCacheMiddleware:
    """Answers anonymous readers from the page cache before any other work is done, and
    stores the pages that the serve hook (blog.cache.serving) marked as shareable.

    Put it near the top of MIDDLEWARE, after SecurityMiddleware (and WhiteNoise): everything
    below it is skipped on a hit. blog.cache.wsgi answers hits earlier still.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hit = cached_response(request.META)
        if hit is not None:
            status, headers, body = hit
            return HttpResponse(body, status=status, headers=headers)
        if routes.enabled() and request.method in ("GET", "HEAD"):
            routes.prime(request)
        response = self.get_response(request)
        marker = getattr(request, "wellness_page_cache", None)
        if marker is not None and self.shareable(response):
            entry = {
                "status": response.status_code,
                "content": response.content,
                "headers": dict(response.items()),
            }
            store.put(store.entry_key(request.META), entry, marker)
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
