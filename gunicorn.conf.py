"""Gunicorn for the demo site in production (docs/operations.md): `gunicorn -c gunicorn.conf.py`
from the project's directory. Command-line options and GUNICORN_CMD_ARGS override these."""

import multiprocessing
import os

from config.jsonlog import json_logging

# config/wsgi.py alone would load the development settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

wsgi_app = "config.wsgi:application"
# Only the proxy on this host reaches gunicorn: Django trusts its X-Forwarded-Proto header.
bind = "127.0.0.1:8000"

# Synchronous workers, one request at a time each, while the proxy buffers slow clients.
# Requests mostly wait on PostgreSQL and Redis, hence gunicorn's rule of 2 per core + 1.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# A request still running after 30 s is stuck (SQLite gives up waiting for its lock after 20 s):
# its worker is killed and replaced. On a restart, workers get as long to finish what they serve.
timeout = 30
graceful_timeout = 30
# The application is loaded once, before the workers fork: a new or replaced worker starts
# in milliseconds instead of importing Django and Wagtail again (the app opens no database
# connection or thread at import, so nothing is shared by mistake).
preload_app = True
# Workers are replaced now and then, not all at once, so that no slow leak in the application
# can grow without bound. Rarely: a replaced worker starts with empty per-process caches.
max_requests = 20000
max_requests_jitter = 2000
# Gunicorn 25.1+ also listens on a control socket at one path per user, which a second instance
# on the host would take over; signals and the process manager control gunicorn here.
control_socket_disable = True

# Gunicorn's own messages and its access log, as JSON lines on stdout like the application's.
logconfig_dict = {
    **json_logging(os.environ.get("LOG_LEVEL", "INFO")),
    "loggers": {"gunicorn.error": {"propagate": True}, "gunicorn.access": {"propagate": True}},
}
