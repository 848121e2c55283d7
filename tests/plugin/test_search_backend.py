"""Wagtail's database search backend uses the database's own full-text search."""

from django.db import connection
from wagtail.search.backends import get_search_backend

from blog.models import ArticlePage

FULL_TEXT_BACKENDS = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}


def test_articles_are_found_by_the_databases_full_text_search(article, tree):
    backend = get_search_backend()
    assert type(backend).__name__ == FULL_TEXT_BACKENDS[connection.vendor]
    assert list(backend.search("trigger point", ArticlePage)) == [article]
    assert not backend.search("acupuncture", ArticlePage)
