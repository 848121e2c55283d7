"""Django's Redis cache backend, keeping its client between calls.

Django's ``RedisCacheClient`` keeps its connection pools but builds a new ``redis.Redis`` for
every cache call, and building one registers some 170 response callbacks: on the page cache's
and the comment form's hot paths that took longer than the round trip to Redis. A client is
safe to share between threads (each command borrows a connection from the pool), so one is
kept per pool.
"""

from django.core.cache.backends import redis


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


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
