"""The production settings send a Content-Security-Policy: strict on the public pages, with
what Wagtail's admin needs under the admin only. (tests/e2e/test_content_security_policy.py
shows a real browser meets no violation with it; test_page_cache_headers.py that a cached
page carries it too.)"""

import pytest
from django.test import Client
from django.urls import reverse

from .production import DocumentedNginx, production, production_settings


def policy(response):
    """The response's policy as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    return {
        directive: sources
        for directive, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def get(url):
    return Client().get(url, **DocumentedNginx().meta("203.0.113.5"))


@pytest.fixture
def deployed():
    with production():
        yield


def test_public_pages_run_only_the_sites_own_scripts_and_styles(deployed, article):
    for url in (article.url, reverse("wellness_discovery:search") + "?q=pain", "/api/v2/articles/"):
        page = policy(get(url))
        assert page["default-src"] == ["'self'"], url
        assert "script-src" not in page and "style-src" not in page  # 'self', from default-src
        assert page["img-src"] == ["'self'"]
        assert page["object-src"] == ["'none'"]
        assert page["base-uri"] == page["form-action"] == page["frame-ancestors"] == ["'self'"]


def test_the_admin_gets_what_wagtail_needs_and_no_more(deployed, db):
    admin = policy(get(reverse("wagtailadmin_login")))
    assert admin["script-src"] == admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["img-src"] == ["'self'", "data:", "blob:"]
    assert admin["connect-src"] == ["'self'", "https://releases.wagtail.org"]
    assert admin["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    ("env", "sources"),
    [
        ({}, ["'self'"]),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_CUSTOM_DOMAIN": "media.example.com"},
            ["'self'", "https://media.example.com"],
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_ENDPOINT_URL": "https://s3.example.net"},
            ["'self'", "https://s3.example.net", "https://*.s3.example.net"],
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media"},
            ["'self'", "https://s3.amazonaws.com", "https://*.s3.amazonaws.com"],
        ),
    ],
    ids=["local media", "a CDN before the bucket", "an S3-compatible store", "AWS S3"],
)
def test_pictures_may_come_from_where_media_are_served(env, sources):
    assert production_settings(**env)["SECURE_CSP"]["img-src"] == sources


def test_development_pages_carry_no_policy(article):
    """Django's debug pages write inline scripts and styles."""
    assert "Content-Security-Policy" not in Client().get(article.url)
