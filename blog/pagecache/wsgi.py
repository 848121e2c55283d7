"""The page cache in front of Django: a hit is answered before Django builds a request.

Wrap the site's WSGI application with it (config/wsgi.py does)::

    application = PageCacheApplication(get_wsgi_application())

Without it the middleware still answers hits, after Django's own request handling. With it,
the pages the middleware marks as shareable are stored here, as they finally leave Django,
so that a hit carries every header the page was built with, those of middleware above the
page cache's (security headers among them) included.
"""

from http import HTTPStatus

from django.conf import settings

from blog.core import versioned

from .keys import is_secure
from .middleware import FRONT, cached_response, entry, shareable


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # A request Django would redirect to https must reach Django.
        if not settings.SECURE_SSL_REDIRECT or is_secure(environ):
            hit = cached_response(environ)
            if hit is not None:
                status, headers, body = hit
                start_response(f"{status} {HTTPStatus(status).phrase}", list(headers.items()))
                return [body]
        environ[FRONT] = None
        sent = {}

        def note_start(status, headers, exc_info=None):
            sent.update(status=int(status.split(" ", 1)[0]), headers=headers)
            if exc_info is None:
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        result = self.application(environ, note_start)
        if environ[FRONT] is None:  # nothing to store: stream the response as it comes
            return result
        key, tag_versions, timeout = environ[FRONT]
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if shareable(sent["status"], sent["headers"]):
            content = entry(sent["status"], sent["headers"], body)
            versioned.put(key, content, tag_versions, timeout)
        return [body]
