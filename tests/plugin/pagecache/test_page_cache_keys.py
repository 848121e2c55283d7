"""The page cache keeps one copy per page a reader can really ask for: tracking parameters
and query strings a page does not use can never fill it."""

import pytest
from django.core.cache import cache
from django.test import Client

from blog.pagecache.keys import ENTRY_PREFIX

from ...factories import make_article

HIT = "X-Wellness-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.WELLNESS_PAGE_CACHE = True
    settings.WELLNESS_ROUTE_CACHE = True


def stored_pages():
    """How many pages the cache holds: Django's local-memory cache, or Redis (make
    test-postgres; a database of its own for each test process)."""
    backend = cache._cache
    if hasattr(backend, "get_client"):  # Redis
        return sum(1 for _ in backend.get_client().scan_iter(f"*{ENTRY_PREFIX}*"))
    return sum(ENTRY_PREFIX in key for key in backend)


def view(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.get(HIT)


def warm(url):
    for _ in range(3):
        if view(url) == "hit":
            return
    raise AssertionError(f"{url} is never served from the cache")


def test_a_hundred_tracking_links_make_one_copy(article):
    for n in range(100):
        view(f"{article.url}?utm_source=campaign-{n}&fbclid=x{n}&gclid=y{n}")
    warm(article.url)
    assert stored_pages() == 1
    assert view(f"{article.url}?utm_source=newsletter&utm_medium=email") == "hit"


def test_a_query_the_page_does_not_use_is_answered_but_not_stored(article):
    warm(article.url)
    before = stored_pages()
    for n in range(20):
        assert view(f"{article.url}?whatever={n}") != "hit"
        assert view(f"{article.url}?whatever={n}") != "hit"
    assert stored_pages() == before


@pytest.fixture
def long_blog(tree, author):
    for n in range(14):  # two pages of twelve
        make_article(tree.blog, f"Listed {n}", authors=[author], tags=["sleep"])
    return tree.blog


def test_the_filters_and_pages_a_listing_uses_are_cached(long_blog):
    url = long_blog.url
    for query in ("?page=2", "?tag=sleep", "?tag=sleep&page=2"):
        warm(url + query)
    assert view(f"{url}?page=2&tag=sleep&utm_campaign=spring") == "hit"  # any order


@pytest.mark.parametrize(
    "query",
    ["?page=02", "?page=abc", "?page=99", "?page=0", "?tag=no-such-tag", "?page=2&page=2", "?tag="],
)
def test_values_a_listing_does_not_take_as_given_are_never_stored(long_blog, query):
    url = long_blog.url + query
    view(url)
    assert view(url) != "hit"
    assert view(url) != "hit"


def test_a_tracking_link_does_not_put_its_parameters_in_the_shared_copy(long_blog):
    """Pagination links repeat the query: a copy built for a tracking link is not shared."""
    html = Client().get(f"{long_blog.url}?utm_source=secret-campaign").content.decode()
    assert "secret-campaign" in html  # this reader's own page links keep their query
    warm(long_blog.url)
    assert "secret-campaign" not in Client().get(long_blog.url).content.decode()
