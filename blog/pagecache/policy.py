"""The page cache's policy, which its three adapters apply (the WSGI front, ``wsgi``; the
middleware, ``middleware``; Wagtail's serve hook, ``serving``): which requests may get the
copy every reader gets, which responses may be kept, under which key, and what is kept.

What one request's adapters learn on the way is in its ``ServingState`` (blog.core.state):
a miss is looked up once, whichever adapter sees the request first.
"""

from django.utils import timezone

from blog.core import sessions, versioned
from blog.core.conf import wellness_settings
from blog.core.state import state

from . import keys, routes
from .compression import accepted

HIT_HEADER = "X-Wellness-Cache"
# Where django.contrib.messages keeps messages for the next page (its cookie storage's name).
MESSAGES_COOKIE = "messages"


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
        # Entries are keyed by URL and by the codings a client accepts (``entry_key``): a
        # response that differs by any other request header but the (absent) session
        # cookie is for that client alone.
        and vary <= {"cookie", "accept-encoding"}
    )


def entry_key(environ):
    """The key of a request's copy: its URL's, and the codings the client accepts, since the
    copy a client is sent is compressed as it accepts (blog.pagecache.compression)."""
    return f"{keys.entry_key(environ)}:{accepted(environ) or 'identity'}"


def cached_response(environ):
    """(status, headers, body) of the kept copy for this request, if it may have one. Asked
    once per request: the middleware behind the WSGI front does not look again for a miss."""
    current = state(environ)
    if current.looked_up:
        return None
    current.looked_up = True
    if not (enabled() and may_share(environ)):
        return None
    entry = versioned.fetch(entry_key(environ))
    if entry is None:
        return None
    # Age (RFC 9111, section 5.1): how long ago the copy was made, so that a CDN keeps it no
    # longer than the s-maxage it was stored with allows from then.
    age = max(0, int(timezone.now().timestamp() - entry["stored_at"]))
    headers = {**entry["headers"], "Age": str(age), HIT_HEADER: "hit"}
    body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]
    return entry["status"], headers, body


def store(environ, status, headers, content):
    """Keep the response for every reader of its URL, if it may be shared, for as long as
    the serve hook said and until what it shows changes."""
    current = state(environ)
    if not shareable(status, headers):
        return
    entry = {
        "status": status,
        "headers": dict(headers),
        "content": content,
        "stored_at": timezone.now().timestamp(),
    }
    versioned.put(entry_key(environ), entry, current.tag_versions, current.timeout)
