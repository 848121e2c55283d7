"""Wagtail's database search backend uses the database's own full-text search, and answers
whatever query it is given."""

from django.db import connection
from wagtail.search.backends import get_search_backend

from blog.models import ArticlePage

from ...factories import make_article

FULL_TEXT_BACKENDS = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}
# A scanner's query: far more words than anyone types (its "words" are what a search splits).
MANY_WORDS = [f"zork{n}" for n in range(1000)]


def test_articles_are_found_by_the_databases_full_text_search(article, tree):
    backend = get_search_backend()
    assert FULL_TEXT_BACKENDS[connection.vendor] in {kind.__name__ for kind in type(backend).mro()}
    assert list(backend.search("trigger point", ArticlePage)) == [article]
    assert not backend.search("acupuncture", ArticlePage)


def test_a_query_of_a_thousand_words_finds_the_pages_with_every_word_or_any(tree, author):
    every = make_article(tree.blog, "Every word", body=[("markdown", " ".join(MANY_WORDS))])
    most = make_article(tree.blog, "Most words", body=[("markdown", " ".join(MANY_WORDS[1:]))])
    backend = get_search_backend()
    query = " ".join(MANY_WORDS)
    assert list(backend.search(query, ArticlePage)) == [every]
    assert set(backend.search(query, ArticlePage, operator="or")) == {every, most}


def test_autocomplete_of_a_thousand_words_still_completes_the_last(article):
    query = " ".join([*MANY_WORDS, "trig"])
    assert list(get_search_backend().autocomplete(query, ArticlePage, operator="or")) == [article]


def test_a_double_quote_inside_a_word_is_punctuation(article):
    backend = get_search_backend()
    assert list(backend.search('trigger"point', ArticlePage)) == [article]
    assert list(backend.autocomplete('point"thera', ArticlePage)) == [article]
