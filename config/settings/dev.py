"""Local development: SQLite file, debug pages, e-mail printed to the console."""

from .base import *

DEBUG = True
# A fixed key is fine for a local demo; production reads SECRET_KEY from the environment.
SECRET_KEY = "django-insecure-wellness-dev-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
