"""Site search: finds published articles, techniques and authors by their words, and gives
a normal page for whatever a reader types."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage

from ...factories import make_article, make_author, make_technique
from ...queries import queries_of


def search(query, **params):
    response = Client().get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def found(content):
    """(type label, title) of each result, in order."""
    return [
        (label, re.sub(r"</?mark>", "", title))
        for label, title in re.findall(
            r'<p class="eyebrow">([^<]*)</p>\s*<h2 class="search-result__title">'
            r'<a href="[^"]*">(.*?)</a>',
            content,
        )
    ]


def body(text):
    return [("markdown", f"## Section\n\n{text}")]


def test_finds_an_article_by_a_word_in_its_markdown_body(tree, author):
    make_article(tree.blog, "Gentle work", authors=[author], body=body("The psoas can tighten."))
    make_article(tree.blog, "Something else", authors=[author])
    assert found(search("psoas")) == [("Article", "Gentle work")]


def test_finds_techniques_by_summary_and_authors_by_bio(tree):
    make_technique(tree.techniques, "Cupping", summary="Suction cups lift the fascia.")
    make_author(tree.authors, "Ines Aalto", short_bio="Trained in suction cupping in Turku.")
    assert sorted(found(search("suction"))) == [("Author", "Ines Aalto"), ("Technique", "Cupping")]


def test_every_word_must_match(tree, author):
    make_article(tree.blog, "Neck", authors=[author], body=body("Neck tension eases."))
    make_article(tree.blog, "Back", authors=[author], body=body("Back tension eases."))
    assert found(search("neck tension")) == [("Article", "Neck")]


def test_drafts_private_pages_and_other_page_types_are_not_found(tree, author):
    make_article(tree.blog, "Draft", authors=[author], live=False, body=body("zephyr draft"))
    private = make_article(tree.blog, "Private", authors=[author], body=body("zephyr private"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    tree.blog.intro = "A zephyr of an intro."
    tree.blog.save_revision().publish()
    content = search("zephyr")
    assert found(content) == []
    assert "No results for “zephyr”" in content


def test_published_changes_are_searchable_and_unpublished_pages_drop_out(tree, author):
    article = make_article(tree.blog, "Changing", authors=[author], body=body("Old words."))
    article.body = body("Fresh marigold words.")
    article.save_revision().publish()
    assert found(search("marigold")) == [("Article", "Changing")]
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert found(search("marigold")) == []


def test_matching_words_are_highlighted_and_text_is_escaped(tree, author):
    make_article(
        tree.blog,
        "Calm <b>evenings</b>",
        authors=[author],
        summary='Evening routines & "calm" <script>x</script> for evenings.',
    )
    content = search("evenings")
    assert "Calm &lt;b&gt;<mark>evenings</mark>&lt;/b&gt;" in content
    assert "&amp; &quot;calm&quot; &lt;script&gt;x&lt;/script&gt; for <mark>evenings</mark>." in (
        content
    )


def test_results_are_paginated_and_page_links_keep_the_query(tree, author):
    for n in range(12):
        make_article(tree.blog, f"Lavender {n}", authors=[author], body=body("lavender oil"))
    first = search("lavender")
    assert "12 results for “lavender”" in first
    assert len(found(first)) == 10
    assert "?q=lavender&amp;page=2" in first
    assert len(found(search("lavender", page=2))) == 2
    assert len(found(search("lavender", page="999"))) == 2


def test_a_search_costs_the_same_queries_however_many_articles_match(tree, author):
    def add_matches(count):
        for n in range(count):
            make_article(tree.blog, f"Lavender {n}", authors=[author], body=body("lavender oil"))

    add_matches(3)
    few = queries_of("/search/", q="lavender oil")
    add_matches(27)
    assert queries_of("/search/", q="lavender oil") == few
    assert queries_of("/search/", q="lavender oil", page=3) == few


@pytest.mark.parametrize("query", ["", "   ", "?!", "—"])
def test_a_blank_query_gets_a_friendly_prompt(tree, query):
    content = search(query)
    assert "Type a word or two" in content
    assert found(content) == []


@pytest.mark.parametrize("length", [201, 5000])
def test_an_overlong_query_gets_a_clear_message(tree, length):
    content = search("a" * length)
    assert "Searches can be up to 200 characters long" in content
    assert 'aria-invalid="true"' in content


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "*",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "title:psoas",
        "((",
        "-",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "%",
        "\x00",
        "睡眠 Ύπνος 🧘",
    ],
)
def test_odd_queries_give_a_normal_page(tree, author, query):
    make_article(tree.blog, "Gentle work", authors=[author], body=body("The psoas can tighten."))
    content = search(query)
    assert "<script>alert(1)</script>" not in content
    assert '<h1 id="search-heading">Search</h1>' in content


def test_search_results_ask_not_to_be_indexed(tree):
    assert '<meta name="robots" content="noindex">' in search("massage")
