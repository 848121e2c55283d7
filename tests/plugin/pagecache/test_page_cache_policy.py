"""The page cache's policy as units (blog.pagecache.policy): which requests may get the shared
copy, which responses may be kept, and that a miss is looked up once whichever adapter sees
the request first. The flows readers see are in test_page_cache.py."""

from unittest import mock

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from blog.core import versioned
from blog.pagecache import policy
from blog.pagecache.compression import accepted
from blog.pagecache.keys import ENTRY_PREFIX
from blog.pagecache.wsgi import PageCacheApplication

HTML = [("Content-Type", "text/html; charset=utf-8")]


@pytest.mark.parametrize(
    "status, headers, shared",
    [
        (200, HTML, True),
        (200, [*HTML, ("Vary", "Cookie")], True),
        (404, HTML, False),
        (302, HTML, False),
        (200, [*HTML, ("Set-Cookie", "csrftoken=x")], False),
        (200, [*HTML, ("Cache-Control", "private, no-cache")], False),
        (200, [*HTML, ("Vary", "Cookie, Accept-Language")], False),
        # Compressed as the client accepts: the key tells those clients apart.
        (200, [*HTML, ("Vary", "Cookie, Accept-Encoding"), ("Content-Encoding", "br")], True),
    ],
)
def test_which_responses_may_be_kept_for_every_reader(status, headers, shared):
    assert policy.shareable(status, headers) is shared


@pytest.mark.parametrize(
    "environ, shared",
    [
        ({"REQUEST_METHOD": "GET"}, True),
        ({"REQUEST_METHOD": "HEAD"}, True),
        ({"REQUEST_METHOD": "POST"}, False),
        ({"REQUEST_METHOD": "GET", "HTTP_AUTHORIZATION": "Basic eDp5"}, False),
        ({"REQUEST_METHOD": "GET", "HTTP_COOKIE": "messages=abc"}, False),
        ({"REQUEST_METHOD": "GET", "HTTP_COOKIE": "csrftoken=abc"}, True),
    ],
)
def test_which_requests_may_get_the_shared_copy(environ, shared):
    assert policy.may_share(environ) is shared


def test_a_session_on_a_url_whose_page_is_not_known_yet_is_left_to_django(db):
    environ = {"REQUEST_METHOD": "GET", "HTTP_COOKIE": "sessionid=abc", "PATH_INFO": "/x/"}
    environ.update(SERVER_NAME="testserver", SERVER_PORT="80", **{"wsgi.url_scheme": "http"})
    assert policy.may_share(environ) is False


def test_a_miss_is_looked_up_once_through_the_front_and_the_middleware(article, settings):
    settings.WELLNESS_PAGE_CACHE = True
    environ = RequestFactory().get(article.url).environ
    with mock.patch.object(versioned, "fetch", wraps=versioned.fetch) as fetch:
        b"".join(PageCacheApplication(WSGIHandler())(environ, lambda *args: None))
    entries = [call for call in fetch.call_args_list if call.args[0].startswith(ENTRY_PREFIX)]
    assert len(entries) == 1


@pytest.mark.parametrize(
    "accept_encoding, codings",
    [
        ("gzip, deflate, br, zstd", "br,gzip"),  # every current browser
        ("gzip", "gzip"),  # a CDN fetching from the site
        ("br", "br"),
        ("identity", ""),
        ("", ""),
        ("brotli-ish, xgzipx", ""),  # whole names only
    ],
)
def test_the_codings_a_client_accepts_part_the_copies_kept(accept_encoding, codings):
    assert accepted({"HTTP_ACCEPT_ENCODING": accept_encoding}) == codings
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/a/", "HTTP_HOST": "testserver"}
    key = policy.entry_key({**environ, "HTTP_ACCEPT_ENCODING": accept_encoding})
    assert key.endswith(f":{codings or 'identity'}")
