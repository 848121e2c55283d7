"""Things computed from the database, kept in Django's cache until what they show changes.

A tag (blog.core.tags) has a version: a random token in the cache. A stored value records the
versions of its tags as they were *before* it was computed; invalidating a tag gives it a new
version, so every value carrying the old one is stale. Nothing has to find and delete the
values, and a change that lands while something is being computed makes that result stale
too, as it should. The page cache (blog.pagecache) keeps whole pages this way.
"""

import math
import threading
import uuid

from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import transaction
from django.utils import timezone

from .conf import wellness_settings

TAG_PREFIX = "wellness:tag:"
# A tag of its own, changed after every invalidation of any tag: the stamp. A value stored
# with the stamp that was current before it was computed is current while the stamp is the
# same, and a read then fetches two keys (the value and the stamp) rather than one per tag.
STAMP = "*"
STAMP_KEY = TAG_PREFIX + STAMP


def backend():
    """The cache everything is kept in: Django's, for ``WELLNESS_CACHE_ALIAS``. Looked up once
    per thread, as Django's own handler keeps it: the handler's (context-aware) lookup costs as
    much as a page cache hit's other work."""
    try:
        return _thread.backend
    except AttributeError:
        _thread.backend = caches[wellness_settings.CACHE_ALIAS]
        return _thread.backend


_thread = threading.local()


def _forget_backend(*, setting, **kwargs):
    global _thread
    if setting in ("CACHES", "WELLNESS_CACHE_ALIAS"):
        _thread = threading.local()  # every thread's, as Django's handler forgets its own


setting_changed.connect(_forget_backend, dispatch_uid="wellness-versioned-backend")


def versions(tags):
    """The current version of each tag (and, under ``STAMP``, the stamp), creating the
    missing ones."""
    # The stamp first: read before the tags, it can only be older than they are.
    keys = {TAG_PREFIX + tag: tag for tag in (STAMP, *tags)}
    found = backend().get_many(keys)
    for key in keys.keys() - found.keys():
        # Only if still missing: an invalidation meanwhile must not be overwritten. If one
        # won, the version is unknown (None), and what is stored with it is never current.
        version = uuid.uuid4().hex
        found[key] = version if backend().add(key, version, timeout=None) else None
    return {keys[key]: found[key] for key in keys}


def invalidate(*tags):
    _new_versions(tags)
    if transaction.get_connection().in_atomic_block:
        # Again once the change is committed: what a request computed meanwhile, from the
        # rows as they were before it, must not be kept under the versions given above.
        transaction.on_commit(lambda: _new_versions(tags))


def _new_versions(tags):
    backend().set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)
    # After the tags, never before: whoever sees the new stamp sees the new versions.
    backend().set(STAMP_KEY, uuid.uuid4().hex, timeout=None)


def put(key, payload, tag_versions, timeout=None):
    """Keep ``payload`` until the tags (``versions()`` taken *before* it was computed) change."""
    tags = dict(tag_versions)
    value = {"payload": payload, "stamp": tags.pop(STAMP, None), "tags": tags}
    backend().set(key, value, timeout or wellness_settings.CACHE_TIMEOUT)


# Per process, bounded (forgotten wholesale past MEMO_SIZE keys): for a value stored under an
# older stamp, the stamp at which its tags were last read and found current (with the tags:
# a stale value stored since under the same key is not the one that was checked).
_checked = {}
MEMO_SIZE = 10_000


def fetch(key):
    """The payload stored under ``key``, if its tags have not been invalidated since."""
    found = backend().get_many([key, STAMP_KEY])
    entry = found.get(key)
    if entry is None:
        return None
    tags, stamp = entry["tags"], found.get(STAMP_KEY)
    if stamp is not None and (entry.get("stamp") == stamp or _checked.get(key) == (stamp, tags)):
        return entry["payload"]
    current = backend().get_many([TAG_PREFIX + tag for tag in tags])
    if any(current.get(TAG_PREFIX + tag) != version for tag, version in tags.items()):
        return None
    if stamp is not None:  # a stamp the cache dropped never stands for "nothing changed"
        if len(_checked) >= MEMO_SIZE:
            _checked.clear()
        _checked[key] = (stamp, tags)
    return entry["payload"]


def remember(key, tags, compute, timeout=None):
    """``compute()``, kept until one of ``tags`` is invalidated (or ``timeout`` passes). None
    is never kept: it reads as "not kept", so it would only take room."""
    value = fetch(key)
    if value is None:
        tag_versions = versions(tags)  # before computing: a change meanwhile makes it stale
        value = compute()
        if value is not None:
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
