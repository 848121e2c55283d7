from django.http import HttpResponse

from blog.core import sessions, versioned
from blog.core.conf import wellness_settings

from . import query, routes
from .keys import entry_key

HIT_HEADER = "X-Wellness-Cache"
# Where django.contrib.messages keeps messages for the next page (its cookie storage's name).
MESSAGES_COOKIE = "messages"
# Set in the environ by the WSGI front (blog.pagecache.wsgi): the middleware then leaves storing
# a page to the front, which sees the response as it finally leaves, outer middleware's
# headers (security headers among them) and all.
FRONT = "wellness.page_cache.front"


def enabled():
    return wellness_settings.PAGE_CACHE


def may_share(environ, page_id=None, session=None):
    """Whether this request gets the page every reader gets: a GET or HEAD without an
    ``Authorization`` header or a message waiting for its reader, and either no session or a
    reader's session with nothing of their own on this page (blog.core.sessions): not an
    editor, not the page holding their comment awaiting moderation. ``environ`` is a WSGI
    environ or a request's META; ``page_id`` the page, where known (else the route cache's);
    ``session`` the request's, where Django loaded it already."""
    cookies = environ.get("HTTP_COOKIE", "")
    if (
        environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in environ
        or f"{MESSAGES_COOKIE}=" in cookies
    ):
        return False
    if sessions.session_key(environ) is None:
        return True
    if page_id is None:
        page_id = routes.known_page(environ)
        if page_id is None:
            return False
    return sessions.is_shared(session if session is not None else sessions.load(environ), page_id)


def cached_response(environ):
    """(status, headers, body) of the cached copy for this request, if it may have one."""
    if not (enabled() and may_share(environ)):
        return None
    entry = versioned.fetch(entry_key(environ))
    if entry is None:
        return None
    headers = {**entry["headers"], HIT_HEADER: "hit"}
    body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]
    return entry["status"], headers, body


def shareable(status, headers):
    """Whether a response with this status and these headers (name, value pairs) may be
    given to every anonymous reader of its URL."""
    values = {name.lower(): value for name, value in headers}
    vary = {name.strip().lower() for name in values.get("vary", "").split(",") if name.strip()}
    return (
        status == 200
        # A cookie or a private header means the page was made for one person after all
        # (e.g. a CSRF token was rendered into it): never share that.
        and "set-cookie" not in values
        and "private" not in values.get("cache-control", "")
        # Entries are keyed by URL alone: a response that differs by any request header
        # but the (absent) session cookie, or that is compressed for one client, is not.
        and vary <= {"cookie"}
        and "content-encoding" not in values
    )


def entry(status, headers, content):
    return {"status": status, "headers": dict(headers), "content": content}


class AnonymousPageCacheMiddleware:
    """Answers anonymous readers from the page cache before any other work is done, and
    stores the pages that the serve hook (blog.pagecache.serving) marked as shareable.

    Put it near the top of MIDDLEWARE, after SecurityMiddleware (and WhiteNoise): everything
    below it is skipped on a hit, and everything above it runs on hits and misses alike.
    blog.pagecache.wsgi answers hits earlier still.
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
        tag_versions = getattr(request, "wellness_page_cache", None)
        if (
            tag_versions is not None
            and not response.streaming
            and not response.cookies
            and shareable(response.status_code, response.items())
            and query.is_canonical(request)
        ):
            response[HIT_HEADER] = "miss"
            key = entry_key(request.META)
            timeout = getattr(request, "wellness_page_cache_timeout", None)
            if FRONT in request.META:
                request.META[FRONT] = (key, tag_versions, timeout)
            else:
                content = entry(response.status_code, response.items(), response.content)
                versioned.put(key, content, tag_versions, timeout)
        return response
