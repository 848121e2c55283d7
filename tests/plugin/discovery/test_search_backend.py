"""Wagtail's database search backend uses the database's own full-text search, and answers
whatever query it is given."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def markdown(text):
    return [("markdown", text)]


def test_every_word_is_found_in_the_title_or_the_body_and_little_words_need_not_be(tree, author):
    """PostgreSQL narrows a search through the title's and the body's indexes, word by word
    (blog.discovery.backend.postgres): a page still matches with its words split between
    the two, and, as PostgreSQL's English search has it, with a word the language drops
    ("the") nowhere in it."""
    split = make_article(tree.blog, "Piriformis release", body=markdown("Gentle lavender oil."))
    make_article(tree.blog, "Piriformis stretch", body=markdown("No oil here."))
    backend = get_search_backend()
    assert list(backend.search("piriformis lavender", ArticlePage)) == [split]
    assert not backend.search("piriformis acupuncture", ArticlePage)
    if connection.vendor == "postgresql":  # SQLite's full-text index keeps every word
        assert list(backend.search("the piriformis and the lavender", ArticlePage)) == [split]


def narrowed_by(query):
    """The words of ``query`` that a search of the articles asks the title's and the body's
    own indexes for, and the pages it finds."""
    with CaptureQueriesContext(connection) as queries:
        pages = list(get_search_backend().search(query, ArticlePage))
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    return re.findall(r"\"title\" @@ \(to_tsquery\('''(\w+)'''\)\)", sql), pages


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_a_rare_word_is_looked_up_in_the_index_and_common_words_are_not(tree, author):
    """At 100,000 articles, reading every index entry takes a second: a word few pages hold
    is looked up in the entries' GIN indexes instead, but a word most pages hold is not,
    since there the index would cost more than it saves."""
    for n in range(12):
        make_article(tree.blog, f"Massage {n}", body=markdown(f"Massage notes, number {n}."))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    words, pages = narrowed_by("massage 7")
    assert words == ["7"]
    assert [page.title for page in pages] == ["Massage 7"]
    words, pages = narrowed_by("massage notes")
    assert words == []
    assert len(pages) == 12


def test_a_callouts_note_is_searchable_and_indexing_fetches_no_technique(tree, technique):
    """Indexing an article read the technique each callout names: a query an article, the
    half of update_index's time at 100,000 articles. The note is what a reader searches."""
    callout = ("technique_callout", {"technique": technique, "note": "Gentle on the psoas"})
    index = get_search_backend().get_index_for_model(ArticlePage)

    def queries_to_index(*blocks):
        articles = [
            make_article(tree.blog, f"Article {n}", body=[("markdown", "Text."), *blocks])
            for n in range(3)
        ]
        pages = ArticlePage.get_indexed_objects().filter(pk__in=[a.pk for a in articles])
        with CaptureQueriesContext(connection) as queries:
            index.add_items(ArticlePage, pages)
        return len(queries)

    assert queries_to_index(callout) == queries_to_index()
    assert len(get_search_backend().search("psoas", ArticlePage)) == 3
