"""Pages cost a fixed number of queries, however much content they show."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from blog import listings
from blog.models import ArticlePage, AuthorSpecialty
from therapies.models import RelatedTechnique

from ...factories import make_article, make_author, make_image, make_technique

# Budgets a page must stay within, including Wagtail's own privacy checks, with the route
# cache on as on a real site (it spares Wagtail's walk down the page tree; the page cache
# stays off: these are the costs of rendering).
ARTICLE_BUDGET = 12
LISTING_BUDGET = 12


@pytest.fixture(autouse=True)
def route_cache(settings):
    settings.WELLNESS_ROUTE_CACHE = True
    settings.WELLNESS_FRAGMENT_CACHE = True


def count_queries(url):
    client = Client()
    # Warm up twice: renditions and the site's settings rows are created on the first view
    # (creating a settings row rightly drops what the cache learnt during that view).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def build_article(tree, authors, techniques, tags, seed):
    author_pages = [
        make_author(tree.authors, image=make_image(f"a{seed}-{n}", (480, 480)))
        for n in range(authors)
    ]
    technique_pages = [
        make_technique(tree.techniques, image=make_image(f"t{seed}-{n}", (320, 180)))
        for n in range(techniques)
    ]
    callouts = [("technique_callout", {"technique": t, "note": ""}) for t in technique_pages]
    return make_article(
        tree.blog,
        image=make_image(f"h{seed}", (640, 360)),
        authors=author_pages,
        techniques=technique_pages,
        tags=[f"tag {seed} {n}" for n in range(tags)],
        body=[("markdown", "## Hello\n\nText."), *callouts],
    )


def test_article_page_queries_do_not_grow_with_authors_techniques_or_tags(tree):
    bare = build_article(tree, authors=1, techniques=0, tags=0, seed=0)
    small = build_article(tree, authors=1, techniques=1, tags=1, seed=1)
    large = build_article(tree, authors=5, techniques=10, tags=20, seed=2)
    # An empty relation skips its prefetches, so the bare article may cost less.
    assert count_queries(bare.url) <= count_queries(small.url)
    assert count_queries(small.url) == count_queries(large.url) <= ARTICLE_BUDGET


@pytest.mark.parametrize("page_name", ["blog", "technique", "author"])
def test_listing_queries_do_not_grow_with_articles(tree, page_name):
    technique = make_technique(tree.techniques)
    technique.related_technique_links = [
        RelatedTechnique(technique=make_technique(tree.techniques, image=make_image(f"rt{n}")))
        for n in range(2)
    ]
    technique.save_revision().publish()
    author = make_author(tree.authors, image=make_image("p", (480, 480)))
    author.specialties = [AuthorSpecialty(technique=technique)]
    author.save_revision().publish()
    page = {"blog": tree.blog, "technique": technique, "author": author}[page_name]

    def add_articles(count):
        for n in range(count):
            make_article(
                tree.blog,
                image=make_image(f"x{n}", (320, 180)),
                authors=[author, make_author(tree.authors)],
                techniques=[technique],
                tags=[f"t{n}"],
            )

    add_articles(2)
    few = count_queries(page.url)
    add_articles(13)  # more than a page of cards
    assert few == count_queries(page.url) <= LISTING_BUDGET


@pytest.mark.parametrize("page_name", ["blog", "technique", "author"])
def test_a_deep_page_of_a_listing_costs_what_its_first_page_does_at_any_size(
    tree, page_name, monkeypatch
):
    monkeypatch.setattr(listings, "ARTICLES_PER_PAGE", 2)  # deep pages from a few articles
    technique = make_technique(tree.techniques)
    author = make_author(tree.authors)
    page = {"blog": tree.blog, "technique": technique, "author": author}[page_name]
    changed = make_article(tree.blog, authors=[author], techniques=[technique])

    def add_articles(count):
        for n in range(count):
            make_article(
                tree.blog,
                image=make_image(f"d{n % 3}", (320, 180)),
                authors=[author],
                techniques=[technique],
            )

    def queries(number):
        """A page of the listing after an article is published, then as the next reader
        gets it (what it shows kept)."""
        url = f"{page.url}?page={number}"
        count_queries(url)  # the renditions and settings rows a first view makes
        changed.save_revision().publish()
        with CaptureQueriesContext(connection) as first:
            assert Client().get(url).status_code == 200
        return len(first), count_queries(url)

    add_articles(5)  # three pages
    small = [queries(number) for number in (1, 3)]
    add_articles(6)  # six pages
    large = [queries(number) for number in (1, 3, 6)]
    assert len({*small, *large}) == 1  # the same at every depth and size, in both states
    first, kept = small[0]
    assert kept <= LISTING_BUDGET and kept < first


def test_article_page_queries_do_not_grow_with_comments(tree):
    from ...comments import make_comment

    article = build_article(tree, authors=1, techniques=1, tags=1, seed=3)
    make_comment(article)
    few = count_queries(article.url)
    for n in range(60):
        top = make_comment(article, body=f"Comment {n}")
        make_comment(article, parent=top, body=f"Reply {n}")
    assert few == count_queries(article.url) <= ARTICLE_BUDGET


def test_reviewed_article_with_related_articles_costs_the_same_however_many_relate(tree):
    article = build_article(tree, authors=2, techniques=2, tags=2, seed=3)
    ArticlePage.objects.filter(pk=article.pk).update(
        reviewer=make_author(tree.authors), last_reviewed=datetime.date(2024, 1, 1)
    )
    technique = article.techniques[0]

    def add_related(count):
        for n in range(count):
            make_article(
                tree.blog,
                image=make_image(f"r{n}", (320, 180)),
                authors=[make_author(tree.authors), make_author(tree.authors)],
                techniques=[technique],
            )

    add_related(1)
    few = count_queries(article.url)
    add_related(5)  # more than the related list shows
    assert few == count_queries(article.url) <= ARTICLE_BUDGET
