"""Which pages a reader's session makes theirs alone.

A reader who once commented has a session: it remembers their comments, so that they alone
see them awaiting moderation, and may change them for a while. Every other page they read is
the one every reader gets, and may come from the page cache (blog.pagecache). An app that keeps
something in a reader's session says which pages it shows it on (``register``); a session
holding anything nobody registered (a signed-in editor, a message waiting to be shown, a host
site's own keys) makes every page personal, unless the site lists the key as harmless in
``WELLNESS_SHARED_SESSION_KEYS``.
"""

from importlib import import_module

from django.conf import settings
from django.http.cookie import parse_cookie

from .conf import wellness_settings
from .state import state

_page_scoped = {}


def register(key, pages_of):
    """Session ``key`` shows its holder something of their own on the pages whose ids
    ``pages_of(session)`` returns (None: any page)."""
    _page_scoped[key] = pages_of


def is_shared(session, page_id):
    """Whether a request with ``session`` gets the page every reader gets for ``page_id``."""
    harmless = set(wellness_settings.SHARED_SESSION_KEYS)
    for key in session.keys():  # noqa: SIM118 (a session is not iterable)
        if key in harmless:
            continue
        pages_of = _page_scoped.get(key)
        if pages_of is None:
            return False
        pages = pages_of(session)
        if pages is None or page_id in pages:
            return False
    return True


def session_key(environ):
    """The session cookie's value in a WSGI environ (or a request's META), or None."""
    cookies = environ.get("HTTP_COOKIE", "")
    if f"{settings.SESSION_COOKIE_NAME}=" not in cookies:
        return None
    return parse_cookie(cookies).get(settings.SESSION_COOKIE_NAME) or None


def load(environ):
    """The session a request carries, read once per request."""
    current = state(environ)
    if current.session is None:
        engine = import_module(settings.SESSION_ENGINE)
        current.session = engine.SessionStore(session_key(environ))
    return current.session
