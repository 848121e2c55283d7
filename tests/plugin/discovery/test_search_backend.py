"""Wagtail's database search backend uses the database's own full-text search, and answers
whatever query it is given."""

from django.contrib.contenttypes.models import ContentType
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


def test_a_search_reads_only_the_entries_that_match_it(article):
    """At 100,000 articles, reading every index entry to find a query's few took 400 ms."""
    backend = get_search_backend()
    search = backend.search("trigger point", ArticlePage).get_queryset()
    if connection.vendor == "sqlite":  # its full-text table is its index
        assert "VIRTUAL TABLE INDEX" in search.explain()
        return
    # Entries enough that reading them all costs more than the index: 5,000 other articles'.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm,"
            " title, autocomplete, body, title_text, body_text)"
            " SELECT %s, 'other-' || n, 1, to_tsvector('other'), to_tsvector('other'),"
            " to_tsvector('other words ' || n), '', '' FROM generate_series(1, 5000) n",
            [ContentType.objects.get_for_model(ArticlePage).pk],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        # The other way left, for the planner, reads every entry of the type from its index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = search.explain()
    assert "wellness_search_title_body" in plan
