"""The cache key of a request: from a WSGI environ (or a Django request's META, the same
thing), so the WSGI front (blog.pagecache.wsgi) and the middleware always agree."""

import hashlib

from django.conf import settings

from . import query

ENTRY_PREFIX = "wellness:page:"


def entry_key(environ, prefix=ENTRY_PREFIX, with_query=True):
    """The key of a URL. The query takes part as blog.pagecache.query normalises it."""
    url = request_url(environ, with_query)
    return prefix + hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def request_url(environ, with_query=True):
    scheme = "https" if is_secure(environ) else "http"
    host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
    if settings.USE_X_FORWARDED_HOST and environ.get("HTTP_X_FORWARDED_HOST"):
        host = environ["HTTP_X_FORWARDED_HOST"]
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    querystring = environ.get("QUERY_STRING", "") if with_query else ""
    querystring = query.normalised(querystring) if querystring else ""
    return f"{scheme}://{host}{path}?{querystring}"


def is_secure(environ):
    """As Django's request.is_secure(), including a proxy's header when one is trusted."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return environ[header].split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"
