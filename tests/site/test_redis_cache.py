"""The production cache (config/cache.py) keeps one Redis client and shares it between threads:
each thread still reads its own values. Runs where Redis is (`make test-postgres`)."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"), reason="needs Redis (make test-postgres)"
)


def test_threads_sharing_the_kept_client_read_their_own_values():
    cache = caches["default"]
    assert cache.__class__.__module__ == "config.cache"

    def round_trips(thread):
        values = {f"thread-{thread}-key-{n}": f"value {thread} {n}" for n in range(50)}
        for key, value in values.items():
            cache.set(key, value, 30)
        return all(cache.get(key) == value for key, value in values.items()) and (
            cache.get_many(list(values)) == values
        )

    with ThreadPoolExecutor(max_workers=8) as threads:
        assert all(threads.map(round_trips, range(16)))
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
