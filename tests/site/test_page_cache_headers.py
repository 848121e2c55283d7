"""A page answered from the cache carries every header the same page carries when it is built:
under the production settings, for GET and HEAD, whether the WSGI front or the middleware
answers it."""

from contextlib import contextmanager

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


def call(application, url, method):
    """(status, headers, body) of ``application`` for a reader's request through nginx."""
    meta = DocumentedNginx().meta("203.0.113.5")
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


def miss_then_hit(application, url, method):
    """The response that was stored, and the copy served from the cache afterwards."""
    for _ in range(3):  # a site's very first view creates its settings rows: a stale copy
        cache.clear()
        miss = call(application, url, method)
        hit = call(application, url, method)
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
    assert hit == miss
    assert hit_body == (b"" if method == "HEAD" else body)
