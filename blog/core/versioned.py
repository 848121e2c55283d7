"""Things computed from the database, kept in Django's cache until what they show changes.

A tag (blog.core.tags) has a version: a random token in the cache. A stored value records the
versions of its tags as they were *before* it was computed; invalidating a tag gives it a new
version, so every value carrying the old one is stale. Nothing has to find and delete the
values, and a change that lands while something is being computed makes that result stale
too, as it should. The page cache (blog.pagecache) keeps whole pages this way.
"""

import math
import uuid

from django.core.cache import caches
from django.utils import timezone

from .conf import wellness_settings

TAG_PREFIX = "wellness:tag:"


def backend():
    return caches[wellness_settings.CACHE_ALIAS]


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


def put(key, payload, tag_versions, timeout=None):
    """Keep ``payload`` until the tags (taken *before* it was computed) change."""
    value = {"payload": payload, "tags": tag_versions}
    backend().set(key, value, timeout or wellness_settings.CACHE_TIMEOUT)


# The tags each key's value was last stored with, learnt per process: the value and its tags'
# versions are then read in one round trip to the cache rather than two (a page cache hit
# makes one). Bounded: forgotten wholesale when it grows past MEMO_SIZE keys.
_tags_of = {}
MEMO_SIZE = 10_000


def fetch(key):
    """The payload stored under ``key``, if its tags have not been invalidated since."""
    known = _tags_of.get(key, ())
    found = backend().get_many([key, *(TAG_PREFIX + tag for tag in known)])
    entry = found.get(key)
    if entry is None:
        return None
    tags = entry["tags"]
    if tags.keys() != set(known):  # first read here, or stored since with other tags
        if len(_tags_of) >= MEMO_SIZE:
            _tags_of.clear()
        _tags_of[key] = tuple(tags)
        found = backend().get_many([TAG_PREFIX + tag for tag in tags])
    if any(found.get(TAG_PREFIX + tag) != version for tag, version in tags.items()):
        return None
    return entry["payload"]


def remember(key, tags, compute, timeout=None):
    """``compute()``, kept until one of ``tags`` is invalidated (or ``timeout`` passes)."""
    value = fetch(key)
    if value is None:
        tag_versions = versions(tags)  # before computing: a change meanwhile makes it stale
        value = compute()
        put(key, value, tag_versions, timeout)
    return value


def time_left(page, request):
    """Seconds until what ``page`` shows goes stale by itself (its ``cache_valid_until``,
    blog.core.pages), at most the cache's timeout; None when only changes to content make
    it stale. How long a copy of the page, or of a part of it, may be kept."""
    valid_until = getattr(page, "cache_valid_until", None)
    until = valid_until(request) if valid_until else None
    if until is None:
        return None
    seconds = math.ceil((until - timezone.now()).total_seconds())
    return max(1, min(seconds, wellness_settings.CACHE_TIMEOUT))
