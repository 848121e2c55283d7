"""The page cache in front of Django: a hit is answered before Django builds a request.

Wrap the site's WSGI application with it (config/wsgi.py does)::

    application = PageCacheApplication(get_wsgi_application())

Without it the middleware still answers hits, after Django's own request handling.
"""

from http import HTTPStatus

from django.conf import settings

from .middleware import cached_response
from .store import is_secure


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
        return self.application(environ, start_response)
