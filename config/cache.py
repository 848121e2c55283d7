"""The demo site's cache backends: Django's, with two costs of their hot paths taken out.

- **Memcached's key rules.** Every call checks each key against what memcached accepts (250
  characters, no spaces or control characters) and warns of a key it would refuse. That is
  for portability to memcached; neither local memory nor Redis has such rules, and Django's
  documentation ("Cache key warnings") suggests overriding ``validate_key`` for a backend
  that accepts any key. On a page cache hit, which reads two keys, the check was a third of
  the time spent in the hit.
- **Redis's client.** Django's ``RedisCacheClient`` keeps its connection pools but builds a
  new ``redis.Redis`` for every cache call, and building one registers some 170 response
  callbacks: on the page cache's and the comment form's hot paths that took longer than the
  round trip to Redis. A client is safe to share between threads (each command borrows a
  connection from the pool), so one is kept per pool.
"""

from django.core.cache.backends import locmem, redis


class AnyKey:
    """A backend that stores any string as a key, so is not held to memcached's rules."""

    def validate_key(self, key):
        pass


class LocMemCache(AnyKey, locmem.LocMemCache):
    pass


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # pools live as long as this object
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(AnyKey, redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
