"""Test settings: fast hashing, in-memory e-mail, isolated media; SQLite unless told otherwise."""

import os
import tempfile

from .base import *
from .connections import database, redis_cache

DEBUG = False
SECRET_KEY = "tests-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run as they are queued (once the change commits), in the test's own process; the tests
# about durability run the database backend and a real worker (tests/scaleout).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
scratch = Path(tempfile.mkdtemp(prefix="wellness-test-"))
MEDIA_ROOT = scratch / "media"
STATIC_ROOT = scratch / "static"
STATIC_ROOT.mkdir()  # WhiteNoise (in the production middleware some tests use) looks for it

# make test-postgres names a PostgreSQL and a Redis (bin/with-services); otherwise SQLite and the
# in-process cache. Django creates and drops its own test database on that server.
if url := os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {"default": database(url)}
else:
    # A file, not SQLite's shared in-memory database: that one fails a second writer at once with
    # "database table is locked", where a WAL file makes it wait as the site's database does.
    DATABASES["default"]["TEST"] = {"NAME": scratch / "db.sqlite3"}
if url := os.environ.get("TEST_REDIS_URL"):
    CACHES = redis_cache(url)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Most tests change content directly and look again; the page, route and fragment caches
# are switched on by the tests that are about them, the query budgets and the browser tests.
WELLNESS_PAGE_CACHE = False
WELLNESS_ROUTE_CACHE = False
WELLNESS_FRAGMENT_CACHE = False
