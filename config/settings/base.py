"""Settings shared by every environment of the demo site that hosts the wellness apps."""

from pathlib import Path

from .connections import SQLITE_OPTIONS

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # The plugin (README: "Adding the plugin to an existing Wagtail site").
    "blog.core",
    "blog.pagecache",
    "blog.comments",
    "therapies",
    "blog",
    "blog.discovery",
    "blog.transfer",
    "blog.review",
    # The demo site itself.
    "config.demo",
    # What the plugin needs from Wagtail and Django.
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
    # The Content-Security-Policy of SECURE_CSP (production sets it), on every response, those
    # the page cache answers included.
    "config.csp.ContentSecurityPolicyMiddleware",
    # Answers anonymous readers from the page cache before the rest of the stack runs.
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

# Local memory by default: right for one process (runserver). Several processes or servers
# must share one cache, or a change seen by one would not drop the others' copies: production
# uses Redis (config/settings/production.py).
CACHES = {
    "default": {
        "BACKEND": "config.cache.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# Background work (e-mail, warming pages after a change, Wagtail's own tasks) is queued in a
# table of the site's database and run by `manage.py wellness_worker` (README, "Background
# work"): a notice commits with the comment it is about, and survives a restart.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The plugin's settings are WELLNESS_*, each with a default (blog/core/conf.py, README).

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
        # Kept between requests, as production's are (connecting runs the PRAGMAs above).
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The plugin ships these; a site in Spanish sets LANGUAGE_CODE = "es".
LANGUAGES = [("en", "English"), ("es", "Español")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
# Django serves media itself only in development; production settings may turn this on.
SERVE_MEDIA = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for pages with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Still Point Wellness"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "blog.discovery.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# No network at run time: no avatars from gravatar.com in the admin, and no Font Awesome
# from a CDN in the Markdown editor (blog ships plain-text toolbar glyphs instead).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILMARKDOWN = {"autodownload_fontawesome": False}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
