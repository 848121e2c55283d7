"""The first reader after a change is served from the cache too.

Publishing a page or approving a comment makes what the page (and the listings that show
it) kept stale (blog.core.versioned). Left alone, the next reader pays for rendering it all
again. Instead, once the change is committed, the server itself asks for those pages as an
anonymous reader would, through the site's own middleware and URLs: their fragments
(blog.core.fragments), and the whole page where the page cache is on, are kept again before
any reader comes. A task does it once the change commits (blog.core.background), so the
editor or moderator who made the change does not wait; the worker must share the web
servers' cache (production's Redis) for what it keeps to be of use.
"""

import contextlib
import logging
import threading
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django_tasks import task
from wagtail.models import Page

from .background import enqueue_after_commit
from .conf import wellness_settings
from .language import site_language

logger = logging.getLogger(__name__)
# A page is kept compressed as each kind of client accepts it (blog.pagecache.compression):
# warmed as browsers ask (brotli and gzip), as a CDN fetching from the site asks (gzip), and
# with no compression.
ACCEPT_ENCODINGS = ("gzip, deflate, br", "gzip", "")
_state = threading.local()
_handler = None


def enabled():
    return wellness_settings.WARM_AFTER_CHANGES and (
        wellness_settings.FRAGMENT_CACHE or wellness_settings.PAGE_CACHE
    )


@contextlib.contextmanager
def paused():
    """No warming inside the block: for bulk changes (an import) whose pages nobody reads
    until it is over."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def warm_after_commit(page_ids):
    """Ask for the pages of ``page_ids``, and the page above each (its section's listing),
    once the current transaction commits."""
    if enabled() and not getattr(_state, "paused", False) and page_ids:
        enqueue_after_commit(warm, sorted(page_ids))


# After e-mail: a reader who comes before the worker does is served as if nothing were kept.
@task(priority=-10)
def warm(page_ids):
    pages = list(Page.objects.filter(pk__in=page_ids))
    # The pages above them (their sections' listings) in one query, however many changed.
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    parents = Page.objects.filter(path__in=parent_paths)
    urls = []
    for page in [*pages, *parents]:
        url = page.get_full_url() if page.live else None
        if url and url not in urls:
            urls.append(url)
    # In the site's language, as a reader's request is (LocaleMiddleware, where a site has
    # it, chooses again), and the change's own request's is restored afterwards.
    with site_language():
        for url in urls:
            for accept_encoding in ACCEPT_ENCODINGS:
                request_as_reader(url, accept_encoding)


def request_as_reader(url, accept_encoding=""):
    """GET ``url`` in-process as an anonymous reader with no cookies, as Wagtail's previews
    do (``make_preview_request``): the full middleware, the URL routing, the page's serve()."""
    global _handler
    if _handler is None:
        handler = BaseHandler()
        handler.load_middleware()
        _handler = handler
    parts = urlsplit(url)
    secure = parts.scheme == "https" or settings.SECURE_SSL_REDIRECT
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": "",
        "SERVER_NAME": parts.hostname,
        "SERVER_PORT": str(parts.port or (443 if secure else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": parts.netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": accept_encoding,
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": BytesIO(),
    }
    if secure and settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = value
    try:
        response = _handler.get_response(WSGIRequest(environ))
    except Exception:  # a reader will render it instead: never fail the change for this
        logger.exception("Could not warm %s", url)
        return None
    if response.status_code != 200:
        logger.info("Warming %s answered %s", url, response.status_code)
    return response.status_code
