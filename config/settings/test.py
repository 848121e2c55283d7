"""Test settings: fast hashing, in-memory e-mail, isolated media."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "tests-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
scratch = Path(tempfile.mkdtemp(prefix="wellness-test-"))
MEDIA_ROOT = scratch / "media"
# A file, not SQLite's shared in-memory database: that one fails a second writer at once with
# "database table is locked", where a WAL file makes it wait as the site's own database does.
DATABASES["default"]["TEST"] = {"NAME": scratch / "db.sqlite3"}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
