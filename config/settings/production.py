"""Production: everything secret or host-specific comes from the environment
(docs/operations.md lists every variable)."""

import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.jsonlog import json_logging

from .base import *
from .connections import database, redis_cache


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name, default=None):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default):
    return env(name, str(default)).lower() in ("1", "true", "yes", "on")


def env_proxies(name, default):
    """A number of proxies ("1"), or the comma-separated networks they are in."""
    value = env(name, default).strip()
    if value.isdigit():
        return int(value)
    networks = env_list(name, default)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {network!r} is not a network.") from None
    return networks


def media_sources(bucket):
    """Where pages' pictures come from besides this site: media on S3 are served by the CDN
    in front of the bucket, else by the store's own host (a bucket's name may come first)."""
    if not bucket:
        return []
    if domain := os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    store = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", "https://s3.amazonaws.com"))
    return [f"{store.scheme}://{store.netloc}", f"{store.scheme}://*.{store.netloc}"]


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
DATABASES = {"default": database(env("DATABASE_URL"))}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

# Redis is shared by every app server, so what one caches or invalidates holds for all.
CACHES = redis_cache(env("REDIS_URL"))
# Sessions are read from Redis but also written to the database, so a Redis restart or eviction
# does not log every editor out in the middle of their work.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# WhiteNoise serves static files straight after the security middleware, as its docs advise.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STATIC_ROOT = env("STATIC_ROOT", STATIC_ROOT)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on local disk, which the proxy serves at /media/; SERVE_MEDIA makes Django serve it
# instead, for a trial without a proxy (make serve-production). Naming a bucket moves media to
# any S3-compatible store (the [s3] extra); django-storages reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY from the environment itself.
MEDIA_ROOT = env("MEDIA_ROOT", MEDIA_ROOT)
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
if bucket := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),  # stores other than AWS
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),  # a CDN before the bucket
            # Two uploads of the same file name must not replace each other.
            "file_overwrite": False,
            # Plain public URLs, which pages and a CDN can cache: the bucket allows public reads.
            "querystring_auth": False,
        },
    }


# The proxies whose X-Forwarded-For entries are believed when finding a reader's address (rate
# limits, duplicate checks; docs/security.md). By default nginx on this host, as
# docs/operations.md sets it up: gunicorn listens on loopback only, so only it can reach us.
WELLNESS_TRUSTED_PROXIES = env_proxies("TRUSTED_PROXIES", "127.0.0.1/32,::1/128")

# HTTPS=false is only for trying these settings over plain http on loopback (make
# serve-production, the scale-out test): no redirect, and cookies a browser sends over http.
https = env_bool("HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", https)
SESSION_COOKIE_SECURE = https
CSRF_COOKIE_SECURE = https
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (config/csp.py, Django 6.0's settings): pages run, style and show
# only what this site serves (the templates ship their own CSS and JavaScript, no CDN), and
# only this site may frame them: Wagtail's preview does, through the middleware again, so the
# previewed page gets this policy too. A script slipped into a page would not run.
SELF, NONE = "'self'", "'none'"
SECURE_CSP = {
    "default-src": [SELF],
    "img-src": [SELF, *media_sources(bucket)],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# The Wagtail admin's own directives. Its widgets write inline scripts (the date picker, inline
# panels) and its accessibility checker adds style elements; its icons and the Markdown
# toolbar's glyphs are data: images, an image being uploaded is shown from a blob: URL; and
# the dashboard asks releases.wagtail.org whether Wagtail has a newer release.
SECURE_CSP_ADMIN = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [*SECURE_CSP["img-src"], "data:", "blob:"],
    "connect-src": [SELF, "https://releases.wagtail.org"],
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# How long the worker waits for the mail server before trying again later (Django waits for
# ever by default, which would hold every notice behind one).
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# One JSON object a line on stdout, where the process manager or container runtime collects it.
LOGGING = json_logging(env("LOG_LEVEL", "INFO"))
# Wagtail's background tasks run at once here, each logging its start and end at INFO: several
# lines for every page saved, which say nothing that the page's own log line does not.
LOGGING["loggers"] = {"django_tasks": {"level": "WARNING"}}
