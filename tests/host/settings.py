"""The smallest Wagtail site the plugin installs into: its apps and what they need, SQLite
(or TEST_DATABASE_URL) and the local cache (or TEST_REDIS_URL)."""

import os
import tempfile
from pathlib import Path

import dj_database_url

HERE = Path(__file__).resolve().parent
scratch = Path(tempfile.mkdtemp(prefix="wellness-host-"))

SECRET_KEY = "host-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.host.urls"
# The plugin's apps, in the reverse of the order the README gives (any order works), beside
# the host's own app labelled "blog". HOST_FIRST_APP puts one of them first (the tests that
# set the plugin up in a fresh interpreter use it).
PLUGIN_APPS = [
    "blog.review",
    "blog.transfer",
    "blog.discovery",
    "blog",
    "therapies",
    "blog.comments",
    "blog.pagecache",
    "blog.core",
]
if first := os.environ.get("HOST_FIRST_APP"):
    PLUGIN_APPS.remove(first)
    PLUGIN_APPS.insert(0, first)
INSTALLED_APPS = [
    "tests.host.blog",
    *PLUGIN_APPS,
    "wagtailmarkdown",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "blog.pagecache.middleware.AnonymousPageCacheMiddleware",
    # Below the page cache: it keeps the compressed copies that clients of each kind get.
    "blog.pagecache.compression.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if url := os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(url)}
else:
    # A file in WAL mode, where a second writer waits (the concurrency tests need it).
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": scratch / "db.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "TEST": {"NAME": scratch / "test.sqlite3"},
        }
    }
if url := os.environ.get("TEST_REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run as they are queued, once the change commits; tests of retries and of a worker
# stopped mid-task switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LANGUAGE_CODE = "en-us"
LANGUAGES = [("en", "English"), ("es", "Español")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = scratch / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = scratch / "media"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Host site"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "blog.discovery.backend"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILMARKDOWN = {"autodownload_fontawesome": False}

# Most tests change content directly and look again; the page, route and fragment caches
# are switched on by the tests that are about them and the query budgets.
WELLNESS_PAGE_CACHE = False
WELLNESS_ROUTE_CACHE = False
WELLNESS_FRAGMENT_CACHE = False
