"""The demo site's database and cache connections, built the same way by every settings module."""

import dj_database_url

# SQLite serves small sites well once several requests may write at the same time
# (docs/operations.md). WAL lets readers go on while one connection writes. IMMEDIATE makes
# every transaction take the write lock when it begins, so a second writer waits for the busy
# timeout (seconds; below gunicorn's worker timeout) instead of failing at once with "database is
# locked", as a transaction that read first and only then asked for the write lock would.
# With WAL, synchronous=NORMAL never corrupts the database and is much faster; a power cut may
# lose the last few commits.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def database(url):
    """The DATABASES entry for a URL (postgres://..., sqlite:////...). Connections are kept for
    ten minutes and checked before reuse rather than opened for each request; SQLite gets
    SQLITE_OPTIONS."""
    config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


def redis_cache(url):
    """CACHES for a Redis URL (redis://[:password@]host:port/db): Django's backend, keeping its
    client between calls (config/cache.py)."""
    return {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": url}}
