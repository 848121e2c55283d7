"""Cached responses tagged with what they show, in Django's cache.

A tag ("page:12", "articles", "site", ...) has a version: a random token in the cache.
An entry records the versions of its tags when its page was read from the database;
invalidating a tag gives it a new version, so every entry carrying the old one is stale.
Nothing has to find and delete the entries, and an invalidation that lands while a page is
being rendered makes that rendering stale too, as it should.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

from ..conf import wellness_settings
from . import query

ENTRY_PREFIX = "wellness:page:"
TAG_PREFIX = "wellness:tag:"


def enabled():
    return wellness_settings.PAGE_CACHE


def timeout():
    return wellness_settings.PAGE_CACHE_TIMEOUT


def backend():
    return caches[wellness_settings.PAGE_CACHE_ALIAS]


def entry_key(environ, prefix=ENTRY_PREFIX, with_query=True):
    """The key of a URL, from a WSGI environ (or a Django request's META, the same thing),
    so the WSGI front (blog.cache.wsgi) and the middleware always agree. The query takes
    part as blog.cache.query normalises it."""
    url = request_url(environ, with_query)
    return prefix + hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def request_url(environ, with_query=True):
    scheme = "https" if is_secure(environ) else "http"
    host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
    if settings.USE_X_FORWARDED_HOST and environ.get("HTTP_X_FORWARDED_HOST"):
        host = environ["HTTP_X_FORWARDED_HOST"]
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    querystring = query.normalised(environ.get("QUERY_STRING", "")) if with_query else ""
    return f"{scheme}://{host}{path}?{querystring}"


def is_secure(environ):
    """As Django's request.is_secure(), including a proxy's header when one is trusted."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return environ[header].split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def versions(tags):
    """The current version of each tag, creating the missing ones."""
    keys = {TAG_PREFIX + tag: tag for tag in tags}
    found = backend().get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        backend().set_many(missing, timeout=None)
        found.update(missing)
    return {keys[key]: version for key, version in found.items()}


def invalidate(*tags):
    backend().set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)


def put(key, payload, tag_versions):
    """Keep ``payload`` until the tags (taken *before* it was computed) change."""
    backend().set(key, {"payload": payload, "tags": tag_versions}, timeout())


def fetch(key):
    """The payload stored under ``key``, if its tags have not been invalidated since."""
    entry = backend().get(key)
    if entry is None:
        return None
    tags = entry["tags"]
    current = backend().get_many([TAG_PREFIX + tag for tag in tags])
    if any(current.get(TAG_PREFIX + tag) != version for tag, version in tags.items()):
        return None
    return entry["payload"]


def remember(key, tags, compute):
    """``compute()``, kept until one of ``tags`` is invalidated."""
    value = fetch(key)
    if value is None:
        tag_versions = versions(tags)  # before computing: a change meanwhile makes it stale
        value = compute()
        put(key, value, tag_versions)
    return value
