"""Settings for the benchmark: the demo site's apps on a throwaway SQLite database (or, for
its PostgreSQL phase, the throwaway PostgreSQL and Redis of bin/with-services).

Everything lives in the directory named by ``BENCH_DIR`` (the database and media files), so
a run never touches ``db.sqlite3`` or ``var/``. ``BENCH_PAGE_CACHE=0`` asks the app to turn
off any page cache (``WELLNESS_PAGE_CACHE = False``) for the "uncached" measurements.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.settings import base
from config.settings.base import *  # noqa: F403
from config.settings.connections import database, redis_cache

if not os.environ.get("BENCH_DIR"):
    raise ImproperlyConfigured("Set BENCH_DIR: bench.run makes a throwaway directory for it.")
BENCH_DIR = Path(os.environ["BENCH_DIR"])

DEBUG = False
SECRET_KEY = "bench-only-secret-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# SQLite opened as the production settings open it (config/settings/connections.py): WAL,
# IMMEDIATE transactions, a 20 s busy timeout, connections kept between requests. Without
# those, the comment-posting figure would measure SQLite's defaults rather than the app.
DATABASES = {"default": database(f"sqlite:///{BENCH_DIR / 'db.sqlite3'}")}
# The PostgreSQL phase (bench.run, under bin/with-services): the throwaway server's database.
if url := os.environ.get("BENCH_DATABASE_URL"):
    DATABASES = {"default": database(url)}

# Local memory, the site's own backend for it, for every cache alias the site defines (per
# process, like a fresh server); no Redis or Memcached needed.
CACHES = {
    alias: {
        "BACKEND": "config.cache.LocMemCache",
        "LOCATION": f"bench-{alias}",
    }
    for alias in {"default", *getattr(base, "CACHES", {})}
}
# …where its Redis is shared by every process, as in production.
if url := os.environ.get("BENCH_REDIS_URL"):
    CACHES = {alias: redis_cache(url)["default"] for alias in CACHES}
    # Sessions as the production settings keep them: read from Redis, written to both. (Not
    # with the per-process caches above: a worker would read its own stale copy.)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# The switch the page cache honours. "0" for the uncached figures; anything else turns the
# cache on (when the app has one), as for anonymous readers of a production site.
# (Object caches, such as remembered routes and settings, stay on either way: they are part
# of rendering a page on a real site, not a copy of the page.)
WELLNESS_PAGE_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") != "0"

if os.environ.get("BENCH_BUILDING") == "1":
    # While the data is built: the search and reference indexes are never measured, so the
    # tasks that update them on every publish are recorded rather than run.
    TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

# The scale phase's smoke run: a sitemap of a few dozen pages in parts, as a large site's is.
if part := os.environ.get("BENCH_SITEMAP_URLS_PER_PART"):
    WELLNESS_SITEMAP_URLS_PER_PART = int(part)

MEDIA_ROOT = BENCH_DIR / "media"
STATIC_ROOT = BENCH_DIR / "static"
STORAGES = {
    **base.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # Errors only: a 500 during a run must still be seen.
    "root": {"handlers": ["console"], "level": "ERROR"},
}
