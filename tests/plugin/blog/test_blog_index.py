"""The blog index: newest first, filterable by plain query strings, paginated forgivingly."""

import datetime
import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.listings import ARTICLES_PER_PAGE

from ...factories import make_article, make_author, make_technique


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="card__link" href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def many_articles(tree, author):
    start = datetime.date(2025, 1, 1)
    return [
        make_article(
            tree.blog, f"Day {n:02d}", authors=[author], date=start + datetime.timedelta(days=n)
        )
        for n in range(ARTICLES_PER_PAGE + 3)
    ]


def test_lists_live_articles_newest_first(tree, author):
    make_article(tree.blog, "Older", authors=[author], date=datetime.date(2024, 1, 1))
    make_article(tree.blog, "Newer", authors=[author], date=datetime.date(2025, 1, 1))
    make_article(tree.blog, "Draft", authors=[author], live=False)
    assert titles(Client().get(tree.blog.url)) == ["Newer", "Older"]


def test_private_articles_are_not_listed(tree, author):
    private = make_article(tree.blog, "Members only", authors=[author])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert "Members only" not in titles(Client().get(tree.blog.url))


def test_paginates_and_page_links_keep_the_filters(tree, many_articles):
    first = Client().get(tree.blog.url, {"author": many_articles[0].authors[0].slug})
    assert len(titles(first)) == ARTICLES_PER_PAGE
    assert f"?author={many_articles[0].authors[0].slug}&amp;page=2" in first.content.decode()
    second = Client().get(tree.blog.url, {"page": 2})
    assert titles(second) == ["Day 02", "Day 01", "Day 00"]


def test_every_page_follows_a_publish_or_an_unpublish_at_once(tree, many_articles, author):
    assert titles(Client().get(tree.blog.url, {"page": 2})) == ["Day 02", "Day 01", "Day 00"]
    make_article(tree.blog, "Newest", authors=[author], date=datetime.date(2026, 1, 1))
    second = titles(Client().get(tree.blog.url, {"page": 2}))
    assert second == ["Day 03", "Day 02", "Day 01", "Day 00"]
    many_articles[0].unpublish()
    assert titles(Client().get(tree.blog.url, {"page": 2})) == ["Day 03", "Day 02", "Day 01"]


@pytest.mark.parametrize("bad_page", ["abc", "-1", "0", "999", "1.5", "%00", "9" * 40])
def test_bad_page_numbers_give_a_normal_page(tree, many_articles, bad_page):
    response = Client().get(tree.blog.url, {"page": bad_page})
    assert response.status_code == 200
    assert len(titles(response)) in (3, ARTICLES_PER_PAGE)


def test_filters_by_technique_tag_and_author(tree, author, technique):
    other_author = make_author(tree.authors, "Jonah Whitlowe")
    other_technique = make_technique(tree.techniques, "Swedish Massage")
    make_article(tree.blog, "Knots", authors=[author], techniques=[technique], tags=["pain"])
    make_article(tree.blog, "Calm", authors=[other_author], techniques=[other_technique])
    make_article(tree.blog, "Both", authors=[author, other_author], tags=["pain", "sleep"])
    client = Client()
    assert titles(client.get(tree.blog.url, {"technique": technique.slug})) == ["Knots"]
    assert sorted(titles(client.get(tree.blog.url, {"tag": "pain"}))) == ["Both", "Knots"]
    by_jonah = client.get(tree.blog.url, {"author": other_author.slug})
    assert sorted(titles(by_jonah)) == ["Both", "Calm"]
    assert "Showing articles by <strong>Jonah Whitlowe</strong>" in by_jonah.content.decode()
    combined = client.get(tree.blog.url, {"author": author.slug, "tag": "sleep"})
    assert titles(combined) == ["Both"]


@pytest.mark.parametrize(
    "query",
    [
        {"technique": "no-such-technique"},
        {"tag": "<script>alert(1)</script>"},
        {"author": "x" * 5000},
        {"unknown": "value", "utm_source": "newsletter"},
        {"technique": ""},
    ],
)
def test_unknown_or_malformed_filters_give_a_normal_page(article, tree, query):
    response = Client().get(tree.blog.url, query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    if any(key in ("technique", "tag", "author") and value for key, value in query.items()):
        assert titles(response) == []
        assert "matches" in content and "Show all articles" in content
    else:
        assert titles(response) == [article.title]


def test_a_draft_technique_is_not_a_filter(tree, author):
    draft = make_technique(tree.techniques, "Unreleased", live=False)
    make_article(tree.blog, "Hidden link", authors=[author], techniques=[draft])
    assert titles(Client().get(tree.blog.url, {"technique": draft.slug})) == []
