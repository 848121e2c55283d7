"""The headless API (/api/v2/): articles, techniques and authors, read-only, paginated, and
never showing a draft or a private page."""

import datetime

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.models import ArticleReference, AuthorSpecialty
from therapies.models import RelatedTechnique, TechniqueReference

from ...factories import make_article, make_author, make_technique
from ...queries import queries_of, sql_of


def api(path, status=200, **params):
    response = Client().get(f"/api/v2/{path}", params)
    assert response.status_code == status, response.content
    return response.json()


def titles(listing):
    return [item["title"] for item in listing["items"]]


@pytest.fixture
def hidden(tree, author, technique):
    """A draft and a private page of each type."""
    pages = {
        "articles": [
            make_article(tree.blog, "Draft article", authors=[author], live=False),
            make_article(tree.blog, "Private article", authors=[author]),
        ],
        "techniques": [
            make_technique(tree.techniques, "Draft technique", live=False),
            make_technique(tree.techniques, "Private technique"),
        ],
        "authors": [
            make_author(tree.authors, "Draft author", live=False),
            make_author(tree.authors, "Private author"),
        ],
    }
    for _draft, private in pages.values():
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    return pages


def test_article_listing_has_authors_techniques_tags_and_reading_time(tree, author, technique):
    draft_technique = make_technique(tree.techniques, "Unpublished", live=False)
    other = make_author(tree.authors, "Jonah Whitlowe", credentials="LMT")
    article = make_article(
        tree.blog,
        "Knots",
        authors=[other, author],
        techniques=[technique, draft_technique],
        tags=["sleep", "pain"],
    )
    [item] = api("articles/")["items"]
    assert item["id"] == article.pk
    assert item["meta"]["html_url"] == article.full_url
    assert [a["title"] for a in item["authors"]] == ["Jonah Whitlowe", "Maren Oakhurst"]
    assert item["authors"][0] == {
        "id": other.pk,
        "title": "Jonah Whitlowe",
        "html_url": other.full_url,
        "credentials": "LMT",
    }
    assert item["techniques"] == [
        {"id": technique.pk, "title": technique.title, "html_url": technique.full_url}
    ]
    assert item["tags"] == ["pain", "sleep"]
    assert item["reading_time"] == article.reading_time
    assert item["date"] == article.date.isoformat()


def test_article_detail_has_rendered_body_review_and_references(tree, author, technique):
    reviewer = make_author(tree.authors, "Jonah Whitlowe")
    article = make_article(
        tree.blog,
        authors=[author],
        techniques=[technique],
        body=[("markdown", "# Why\n\nIt **helps**.")],
        reviewer=reviewer,
        last_reviewed=datetime.date(2024, 3, 5),
    )
    article.references = [ArticleReference(citation="Smith 2020.", doi="10.1000/xyz")]
    article.save_revision().publish()
    detail = api(f"articles/{article.pk}/")
    assert detail["techniques"][0]["id"] == technique.pk
    assert detail["authors"][0]["id"] == author.pk
    assert '<h2 id="why">Why</h2>' in detail["body_html"]
    assert "<strong>helps</strong>" in detail["body_html"]
    assert detail["body"][0]["type"] == "markdown"
    assert detail["reviewer"]["title"] == "Jonah Whitlowe"
    assert detail["last_reviewed"] == "2024-03-05"
    assert detail["references"][0]["link"] == "https://doi.org/10.1000/xyz"


@pytest.mark.parametrize("endpoint", ["articles", "techniques", "authors"])
def test_drafts_and_private_pages_are_neither_listed_nor_served(article, hidden, endpoint):
    listed = titles(api(f"{endpoint}/"))
    assert listed  # the fixture's published pages are there
    for page in hidden[endpoint]:
        assert page.title not in listed
        api(f"{endpoint}/{page.pk}/", status=404)


def test_each_endpoint_serves_only_its_own_page_type(article, author, technique):
    api(f"articles/{author.pk}/", status=404)
    api(f"authors/{technique.pk}/", status=404)
    api("articles/", status=400, type="blog.AuthorPage")
    assert titles(api("techniques/")) == [technique.title]
    assert titles(api("authors/")) == [author.title]


def test_technique_and_author_details(tree, author, technique):
    related = make_technique(tree.techniques, "Myofascial Release")
    technique.related_technique_links = [RelatedTechnique(technique=related)]
    technique.save_revision().publish()
    detail = api(f"techniques/{technique.pk}/")
    assert detail["related_techniques"][0]["title"] == "Myofascial Release"
    assert detail["safety"]["html"] == "<p>Not over broken skin or a fresh injury.</p>"
    assert api(f"authors/{author.pk}/")["credentials"] == "LMT, NCTMB"


def test_listings_are_paginated(tree, author):
    for n in range(5):
        make_article(tree.blog, f"Article {n}", authors=[author])
    page = api("articles/", limit=2, offset=2)
    assert page["meta"]["total_count"] == 5
    assert len(page["items"]) == 2


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(article, method):
    client = Client()
    assert getattr(client, method)("/api/v2/articles/").status_code == 405
    assert getattr(client, method)(f"/api/v2/articles/{article.pk}/").status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"search": '"'},
        {"search": " "},
        {"date": "soon"},
        {"last_reviewed": "x"},
        {"first_published_at": "yesterday"},
        {"reviewer": "abc"},
        {"limit": "abc"},
        {"limit": "1000"},
        {"offset": "-1"},
        {"order": "nope"},
        {"fields": "body"},
        {"fields": "authors(title)"},
        {"fields": "(("},
        {"unknown": "1"},
    ],
)
def test_bad_parameters_are_a_400_with_a_message(article, params):
    assert api("articles/", status=400, **params)["message"]


def test_a_search_costs_the_same_queries_however_many_articles_match(tree, author, technique):
    def add_matches(count):
        for n in range(count):
            make_article(
                tree.blog,
                f"Psoas {n}",
                authors=[author],
                techniques=[technique],
                tags=["hips"],
                body=[("markdown", "The psoas release.")],
            )

    add_matches(2)
    few = queries_of("/api/v2/articles/", search="psoas release", fields="*")
    add_matches(18)
    assert queries_of("/api/v2/articles/", search="psoas release", fields="*") == few
    assert queries_of("/api/v2/articles/", search="psoas release", offset=10) <= few


def test_search_finds_articles_by_their_words(tree, author):
    make_article(tree.blog, "Psoas", authors=[author], body=[("markdown", "The psoas.")])
    make_article(tree.blog, "Other", authors=[author])
    assert titles(api("articles/", search='psoas"')) == ["Psoas"]


@pytest.mark.parametrize("endpoint", ["articles", "techniques", "authors"])
def test_listing_queries_do_not_grow_with_pages(tree, technique, endpoint):
    def add_pages(count):
        for _ in range(count):
            related = make_technique(tree.techniques, benefits=[("Ease", "Less ache.")])
            related.related_technique_links = [RelatedTechnique(technique=technique)]
            related.references = [TechniqueReference(citation="A study.")]
            related.save_revision().publish()
            writer = make_author(tree.authors)
            writer.specialties = [AuthorSpecialty(technique=related)]
            writer.save_revision().publish()
            make_article(
                tree.blog,
                authors=[writer, make_author(tree.authors)],
                techniques=[technique, related],
                tags=["a", "b"],
                reviewer=make_author(tree.authors),
                last_reviewed=datetime.date(2024, 1, 1),
            )

    add_pages(2)
    few = queries_of(f"/api/v2/{endpoint}/", fields="*")
    add_pages(8)
    assert queries_of(f"/api/v2/{endpoint}/", fields="*") == few


def test_a_deep_page_of_articles_costs_the_queries_of_the_first(tree, author):
    def add_articles(count):
        for _ in range(count):
            make_article(tree.blog, authors=[author], tags=["a"])

    add_articles(3)
    first = queries_of("/api/v2/articles/", limit=2)
    add_articles(27)
    assert queries_of("/api/v2/articles/", limit=2) == first
    assert queries_of("/api/v2/articles/", limit=2, offset=28) == first
    # Nor does the database sort every article to skip to the page, or count them all.
    for sql in sql_of("/api/v2/articles/", limit=2, offset=28):
        assert "OFFSET" not in sql.upper()
        assert "COUNT(" not in sql.upper()


def test_the_article_listing_follows_a_publish_or_an_unpublish_at_once(tree, author):
    def listing(**params):
        page = api("articles/", **params)
        return page["meta"]["total_count"], titles(page)

    make_article(tree.blog, "Older", authors=[author], date=datetime.date(2024, 1, 1))
    newer = make_article(tree.blog, "Newer", authors=[author], date=datetime.date(2024, 3, 1))
    make_article(tree.blog, "Same day", authors=[author], date=datetime.date(2024, 3, 1))
    draft = make_article(
        tree.blog, "Draft", authors=[author], date=datetime.date(2024, 2, 1), live=False
    )
    assert listing() == (3, ["Same day", "Newer", "Older"])  # newest first, then latest added

    draft.save_revision().publish()
    assert listing() == (4, ["Same day", "Newer", "Draft", "Older"])
    newer.unpublish()
    assert listing() == (3, ["Same day", "Draft", "Older"])
    assert listing(limit=1, offset=2) == (3, ["Older"])
    # The same JSON as Wagtail's own paging of the same order.
    kept = api("articles/", fields="*", limit=2, offset=1)
    assert kept == api("articles/", fields="*", limit=2, offset=1, order="-date,-id")
