"""Local development: SQLite file, debug pages, e-mail printed to the console."""

import os

from .base import *

DEBUG = True
# A fixed key is fine for a local demo; production reads SECRET_KEY from the environment.
SECRET_KEY = "django-insecure-wellness-dev-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# make run serves on $(HOST):$(PORT) and says so here; the admin's links follow.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Warming pages after a change runs in the task worker, whose in-process cache the development
# server does not share: it would render pages for no one (production shares Redis).
WELLNESS_WARM_AFTER_CHANGES = False
