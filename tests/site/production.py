"""The production settings, and requests as the nginx that docs/operations.md documents
forwards them: what tests need to try the site the way it is deployed."""

import importlib
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
HOST = "wellness.example.com"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-deploy-check",
    "ALLOWED_HOSTS": HOST,
    "DATABASE_URL": "sqlite:////tmp/wellness-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
}
# What stays as the test settings have it: the test database, the in-process cache and
# e-mail outbox, the scratch media folder, and plain static files (no manifest to build).
KEPT = {
    "DATABASES",
    "CACHES",
    "STORAGES",
    "LOGGING",
    "EMAIL_BACKEND",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "PASSWORD_HASHERS",
    "SESSION_ENGINE",
    # The same apps as the test settings: reloading them would rebuild the URLconf.
    "INSTALLED_APPS",
}


def production_settings(**env):
    """The production settings module's values for this environment, read in this process."""
    name = "config.settings.production"
    with mock.patch.dict(os.environ, {**PRODUCTION_ENV, **env}):
        sys.modules.pop(name, None)
        try:
            module = importlib.import_module(name)
        finally:
            sys.modules.pop(name, None)
    return {key: getattr(module, key) for key in dir(module) if key.isupper()}


@contextmanager
def production(env=None, **overrides):
    """Run with the production settings (for the environment ``env``), except where the
    tests need their own (``KEPT``), and but for ``overrides``. (Change settings here rather
    than through pytest-django's ``settings`` fixture, whose changes would outlive these.)"""
    values = production_settings(**(env or {}))
    changed = {
        name: value
        for name, value in values.items()
        if name not in KEPT and value != getattr(settings, name, None)
    }
    with override_settings(**{**changed, **overrides}):
        yield values


class DocumentedNginx:
    """The ``location /`` block of the nginx configuration in docs/operations.md, applied to a
    client's request: its ``proxy_set_header`` lines set or replace headers, everything else
    the client sent passes through unchanged, as nginx does, and the request reaches the
    application from nginx on the same host."""

    DOCS = ROOT / "docs" / "operations.md"
    ADDRESS = "127.0.0.1"

    def __init__(self):
        text = self.DOCS.read_text()
        block = re.search(r"location / \{(.*?)\}", text, re.DOTALL)
        assert block, "docs/operations.md has no nginx `location /` block"
        self.set_headers = dict(re.findall(r"proxy_set_header\s+(\S+)\s+([^;]+);", block[1]))
        assert self.set_headers, "the documented nginx sets no headers"

    def headers(self, client_ip, sent=None, scheme="https", host=HOST):
        """The headers the application receives for a request that ``client_ip`` sent with
        the headers ``sent``."""
        sent = dict(sent or {})
        forwarded = sent.get("X-Forwarded-For")
        variables = {
            "$host": host,
            "$scheme": scheme,
            "$remote_addr": client_ip,
            "$proxy_add_x_forwarded_for": f"{forwarded}, {client_ip}" if forwarded else client_ip,
        }
        for name, value in self.set_headers.items():
            sent[name] = variables[value.strip()]
        return sent

    def meta(self, client_ip, sent=None, **kwargs):
        """The same as WSGI environ keys, for Django's test client."""
        meta = {
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in self.headers(client_ip, sent, **kwargs).items()
        }
        meta["REMOTE_ADDR"] = self.ADDRESS
        return meta
