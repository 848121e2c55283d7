"""The demo site's frame: error pages and production settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.template.loader import render_to_string
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-deploy-check",
    "ALLOWED_HOSTS": "wellness.example.com",
    "DATABASE_URL": "sqlite:////tmp/wellness-deploy-check.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://wellness.example.com",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
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


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
