"""The demo site's frame: error pages and production settings."""

import json
import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.utils.module_loading import import_string

from config.jsonlog import JSONFormatter

from .production import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env):
    return python("manage.py", *args, env=env)


def python(*args, env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_page_gets_the_404_template(tree):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_500_template_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL"]
)
def test_production_refuses_to_start_without_a_required_variable(name):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != name}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {name} environment variable" in result.stderr


def test_gunicorn_loads_the_application_with_the_production_settings():
    check = ("-m", "gunicorn", "--check-config", "-c", "gunicorn.conf.py")
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SETTINGS_MODULE"}
    assert python(*check, env=env).returncode == 0
    del env["SECRET_KEY"]
    assert "Set the SECRET_KEY environment variable" in python(*check, env=env).stderr


def production_settings(*names, **env):
    """The values of some production settings, with more environment variables."""
    values = ", ".join(f"settings.{name}" for name in names)
    code = "import json\nfrom django.conf import settings\n"
    code += f"print(json.dumps([{values}], default=str))"
    result = python("-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_sessions_in_redis_and_the_database():
    caches, engine = production_settings("CACHES", "SESSION_ENGINE")
    assert caches["default"]["BACKEND"] == "config.cache.RedisCache"
    assert caches["default"]["LOCATION"] == PRODUCTION_ENV["REDIS_URL"]
    assert engine == "django.contrib.sessions.backends.cached_db"


def test_production_on_sqlite_gets_wal_and_immediate_transactions():
    (database,) = production_settings("DATABASES")
    options = database["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


def test_production_media_go_to_a_bucket_when_one_is_named():
    (storages,) = production_settings(
        "STORAGES", AWS_STORAGE_BUCKET_NAME="wellness-media", AWS_S3_ENDPOINT_URL="https://s3.test"
    )
    media = storages["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "wellness-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.test"
    assert media["OPTIONS"]["file_overwrite"] is False


def test_production_media_stay_on_local_disk_by_default():
    storages, media_root = production_settings("STORAGES", "MEDIA_ROOT", MEDIA_ROOT="/srv/media")
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert media_root == "/srv/media"


def test_log_records_are_json_lines():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Failed: %s", ("/x/",), sys.exc_info()
        )
    record.status_code = 500
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Failed: /x/"
    assert entry["status"] == 500
    assert "ValueError: boom" in entry["exception"]
    assert entry["time"].endswith("+00:00")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own settings")
def test_sqlite_connections_use_wal_and_immediate_transactions(db):
    """The demo's SQLite settings (config/settings/connections.py), as the site runs them."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
    assert connection.transaction_mode == "IMMEDIATE"


def test_every_page_has_a_labelled_search_box(article):
    content = Client().get(article.url).content.decode()
    assert '<form class="site-search" role="search"' in content
    assert '<label class="visually-hidden" for="site-search-q">' in content


@pytest.mark.parametrize("backend", ["config.cache.LocMemCache", "config.cache.RedisCache"])
def test_the_sites_caches_take_any_key_without_memcacheds_checks(backend):
    """The demo's backends skip the check of every key against memcached's rules: neither
    stores keys as memcached does, and the check was a third of a page cache hit."""
    cache = import_string(backend)("redis://127.0.0.1:1", {})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Django's check warns (CacheKeyWarning)
        for key in ("with a space", "x" * 300, "control\x07char"):
            assert cache.make_and_validate_key(key) == f":1:{key}"
