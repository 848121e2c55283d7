"""The page cache in front of Django (an adapter of blog.pagecache.policy): a hit is answered
before Django builds a request.

Wrap the site's WSGI application with it (config/wsgi.py does)::

    application = PageCacheApplication(get_wsgi_application())

Without it the middleware still answers hits, after Django's own request handling. With it,
the pages the middleware marks as shareable are stored here, as they finally leave Django,
so that a hit carries every header the page was built with, those of middleware above the
page cache's (security headers among them) included.
"""

from http import HTTPStatus

from django.conf import settings

from blog.core.state import state

from . import policy
from .keys import is_secure


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        current = state(environ)
        current.front = True
        # A request Django would redirect to https must reach Django.
        if not settings.SECURE_SSL_REDIRECT or is_secure(environ):
            hit = policy.cached_response(environ)
            if hit is not None:
                status, headers, body = hit
                start_response(f"{status} {HTTPStatus(status).phrase}", list(headers.items()))
                return [body]
        sent = {}

        def note_start(status, headers, exc_info=None):
            sent.update(status=int(status.split(" ", 1)[0]), headers=headers)
            if exc_info is None:
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        result = self.application(environ, note_start)
        if not current.store:  # nothing to keep: stream the response as it comes
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        policy.store(environ, sent["status"], sent["headers"], body)
        return [body]
