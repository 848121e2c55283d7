"""A page answered from the cache carries every header the same page carries when it is built,
and its age: under the production settings, for GET and HEAD, whether the WSGI front or the
middleware answers it."""

import gzip
from contextlib import contextmanager

import brotli
import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from blog.pagecache.wsgi import PageCacheApplication

from .production import DocumentedNginx, production

HIT = "X-Wellness-Cache"
SECURITY_HEADERS = [
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Content-Security-Policy",
]


@contextmanager
def inside_the_test_transaction():
    """As Django's test client does: a request must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(application, url, method, accept_encoding=None):
    """(status, headers, body) of ``application`` for a reader's request through nginx."""
    sent = {"Accept-Encoding": accept_encoding} if accept_encoding is not None else None
    meta = DocumentedNginx().meta("203.0.113.5", sent)
    environ = RequestFactory().generic(method, url, **meta).environ
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=headers)

    with inside_the_test_transaction():
        result = application(environ, start_response)
        body = b"".join(result)
        getattr(result, "close", lambda: None)()
    return answer["status"], dict(answer["headers"]), body


@pytest.fixture
def deployed():
    with production(WELLNESS_PAGE_CACHE=True, WELLNESS_ROUTE_CACHE=True):
        yield


def miss_then_hit(application, url, method, accept_encoding=None):
    """The response that was stored, and the copy served from the cache afterwards."""
    for _ in range(3):  # a site's very first view creates its settings rows: a stale copy
        cache.clear()
        miss = call(application, url, method, accept_encoding)
        hit = call(application, url, method, accept_encoding)
        if hit[1].get(HIT) == "hit":
            return miss, hit
    raise AssertionError(f"{url} is never served from the cache")


FRONTS = {
    "wsgi front": lambda: PageCacheApplication(WSGIHandler()),
    "middleware": WSGIHandler,
}


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("front", list(FRONTS))
def test_a_hit_carries_every_header_of_the_miss(deployed, article, front, method):
    (status, miss, body), (hit_status, hit, hit_body) = miss_then_hit(
        FRONTS[front](), article.url, method
    )
    assert miss[HIT] == "miss" and hit[HIT] == "hit"
    assert status == hit_status == "200 OK"
    for name in SECURITY_HEADERS:
        assert name in miss, f"the built page lacks {name}"
    del miss[HIT], hit[HIT]
    assert hit.pop("Age").isdigit()  # the copy's age (tests/plugin/pagecache/test_page_cache.py)
    assert hit == miss
    assert hit_body == (b"" if method == "HEAD" else body)


BROWSER, CDN = "gzip, deflate, br, zstd", "gzip"


@pytest.mark.parametrize("front", list(FRONTS))
@pytest.mark.parametrize("accept_encoding, coding", [(BROWSER, "br"), (CDN, "gzip"), ("", None)])
def test_a_compressed_hit_is_the_compressed_miss_byte_for_byte(
    deployed, article, front, accept_encoding, coding
):
    (_status, miss, body), (_hit_status, hit, hit_body) = miss_then_hit(
        FRONTS[front](), article.url, "GET", accept_encoding
    )
    assert miss.get("Content-Encoding") == coding
    assert "Accept-Encoding" in miss["Vary"]
    del miss[HIT], hit[HIT], hit["Age"]
    assert hit == miss and hit_body == body
    html = brotli.decompress(body) if coding == "br" else body
    html = gzip.decompress(html) if coding == "gzip" else html
    assert article.title.encode() in html
    # Each kind of client has its own copy: a browser's brotli never reaches a gzip client.
    other = call(FRONTS[front](), article.url, "GET", CDN if coding == "br" else BROWSER)
    assert other[1].get("Content-Encoding") != coding


def test_pages_built_for_one_reader_are_compressed_too(admin_client):
    response = admin_client.get("/admin/", headers={"accept-encoding": BROWSER})
    assert response["Content-Encoding"] == "br" and "Accept-Encoding" in response["Vary"]
