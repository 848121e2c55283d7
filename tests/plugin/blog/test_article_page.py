import datetime

import pytest
from django.test import Client

from blog.models import ArticlePage

from ...factories import make_article, make_author, make_technique, words


def html(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def trigger_point_article(tree, author, technique):
    body = [
        (
            "markdown",
            "## Introduction\n\nChronic pain is common.\n\n"
            "## Benefits of trigger point therapy\n\n"
            "- **Pain relief:** Pressure eases pain.\n"
            "- **Increased mobility:** Knots release.\n"
            "- **Improved circulation:** Blood flows.\n"
            "- **Stress reduction:** Calm returns.\n\n"
            "## Conclusion\n\nIt helps some people.",
        )
    ]
    return make_article(
        tree.blog,
        "Effective Trigger Point Therapy",
        authors=[author],
        techniques=[technique],
        body=body,
        date=datetime.date(2024, 4, 30),
    )


def test_article_shows_title_byline_date_and_reading_time(trigger_point_article, author):
    page = html(Client().get(trigger_point_article.url))
    assert "<h1" in page and "Effective Trigger Point Therapy</h1>" in page
    assert f'<a href="{author.url}" rel="author">Maren Oakhurst</a>, LMT, NCTMB' in page
    assert '<time datetime="2024-04-30">April 30, 2024</time>' in page
    assert "1 min read" in page


def test_article_renders_benefits_as_a_bold_labelled_list(trigger_point_article):
    page = html(Client().get(trigger_point_article.url))
    assert "<li><strong>Pain relief:</strong> Pressure eases pain.</li>" in page
    assert page.count("<li><strong>") == 4


def test_article_headings_get_anchors(trigger_point_article):
    page = html(Client().get(trigger_point_article.url))
    assert '<h2 id="introduction">Introduction</h2>' in page
    assert '<h2 id="conclusion">Conclusion</h2>' in page


def test_article_links_its_techniques(trigger_point_article, technique):
    page = html(Client().get(trigger_point_article.url))
    assert f'href="{technique.url}"' in page
    assert "Techniques in this article" in page


def test_reading_time_is_stored_on_publish(tree, author):
    article = make_article(tree.blog, authors=[author], body=[("markdown", words(477))])
    assert ArticlePage.objects.get(pk=article.pk).reading_time == 3


def test_unpublished_technique_is_not_linked(tree, author):
    draft = make_technique(tree.techniques, "Secret Technique", live=False)
    article = make_article(tree.blog, authors=[author], techniques=[draft])
    page = html(Client().get(article.url))
    assert "Secret Technique" not in page


def test_second_author_is_listed_in_order(tree, author):
    other = make_author(tree.authors, "Jonah Whitlowe")
    article = make_article(tree.blog, authors=[other, author])
    page = html(Client().get(article.url))
    assert page.index("Jonah Whitlowe") < page.index("Maren Oakhurst")
    assert "About the authors" in page
