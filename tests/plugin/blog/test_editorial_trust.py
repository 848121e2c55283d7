"""Who reviewed an article and when, what it cites, when it last changed, and the site's
health disclaimer: what readers see, and what editors cannot get wrong."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from blog.core.models import HealthDisclaimer
from blog.models import ArticlePage, ArticleReference
from blog.review_dates import add_months

from ...admin_forms import add_url, article_form
from ...factories import make_article, make_author


def html(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def reviewer(tree):
    return make_author(tree.authors, "Jonah Whitlowe", credentials="LMT")


def test_article_names_its_reviewer_and_review_date(tree, author, reviewer):
    article = make_article(
        tree.blog,
        authors=[author],
        reviewer=reviewer,
        last_reviewed=datetime.date(2024, 3, 5),
        review_interval_months=120,
    )
    page = html(article)
    assert f'Reviewed by <a href="{reviewer.url}">Jonah Whitlowe</a>, LMT, on' in page
    assert '<time datetime="2024-03-05">March 5, 2024</time>' in page
    assert "review is due" not in page


def test_an_overdue_review_is_not_claimed_as_current(tree, author, reviewer):
    article = make_article(
        tree.blog, authors=[author], reviewer=reviewer, last_reviewed=datetime.date(2024, 3, 5)
    )
    page = html(article)
    assert (
        f'Last reviewed by <a href="{reviewer.url}">Jonah Whitlowe</a>, LMT, on '
        '<time datetime="2024-03-05">March 5, 2024</time>. A new review is due.'
    ) in page
    assert "Reviewed by" not in page


def test_a_review_lapses_on_its_due_date_by_the_articles_own_interval(tree, author, reviewer):
    today = timezone.localdate()
    article = make_article(
        tree.blog,
        authors=[author],
        reviewer=reviewer,
        last_reviewed=today - datetime.timedelta(days=20),
        review_interval_months=1,
    )
    assert "Reviewed by" in html(article)
    article.review_interval_months = None  # the site's twelve months
    article.save_revision().publish()
    assert "Reviewed by" in html(article)
    ArticlePage.objects.filter(pk=article.pk).update(last_reviewed=add_months(today, -12))
    assert "A new review is due." in html(article)


def test_unreviewed_article_says_nothing_about_review(article):
    assert "review-note" not in html(article)


def test_unpublished_reviewer_is_named_but_not_linked(tree, author):
    draft = make_author(tree.authors, "Sunniva Achterberg", live=False)
    article = make_article(
        tree.blog, authors=[author], reviewer=draft, last_reviewed=timezone.localdate()
    )
    page = html(article)
    assert "Reviewed by Sunniva Achterberg, on" in page
    assert f'href="{draft.url}"' not in page


@pytest.mark.parametrize(
    ("with_reviewer", "last_reviewed", "field"),
    [
        (True, None, "last_reviewed"),
        (False, datetime.date(2024, 3, 5), "reviewer"),
        (True, datetime.date(2999, 1, 1), "last_reviewed"),
    ],
)
def test_review_needs_both_a_reviewer_and_a_past_date(
    tree, reviewer, with_reviewer, last_reviewed, field
):
    article = ArticlePage(
        title="Half reviewed",
        slug="half-reviewed",
        summary="Short.",
        body=[("markdown", "Text.")],
        reviewer=reviewer if with_reviewer else None,
        last_reviewed=last_reviewed,
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert field in error.value.message_dict


def test_an_author_cannot_review_their_own_article(admin_client, tree, author):
    form = article_form(authors=[author], reviewer=author, last_reviewed="2024-03-05")
    form["action-publish"] = "Publish"
    response = admin_client.post(add_url(ArticlePage, tree.blog), form)
    assert response.status_code == 200
    assert "The reviewer must be someone other than the authors" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_editor_publishes_a_reviewed_article_with_references(admin_client, tree, author, reviewer):
    form = article_form(
        authors=[author],
        reviewer=reviewer,
        last_reviewed="2024-03-05",
        references=[
            {"citation": "Smith 2020. A trial.", "url": "", "doi": "doi:10.1000/xyz"},
            {"citation": "Jones 2019. A review.", "url": "https://example.org/r", "doi": ""},
        ],
    )
    form["action-publish"] = "Publish"
    assert admin_client.post(add_url(ArticlePage, tree.blog), form).status_code == 302
    article = ArticlePage.objects.get()
    assert article.reviewer == reviewer
    assert [r.link for r in article.references.all()] == [
        "https://doi.org/10.1000/xyz",
        "https://example.org/r",
    ]


def test_article_lists_its_references_in_order(tree, author):
    article = make_article(tree.blog, authors=[author])
    article.references = [
        ArticleReference(citation="Smith 2020. A trial.", doi="10.1000/xyz"),
        ArticleReference(citation="Jones 2019. A review.", url="https://example.org/review"),
    ]
    article.save_revision().publish()
    page = html(article)
    assert '<h2 id="references-heading">References</h2>' in page
    assert page.index("Smith 2020") < page.index("Jones 2019")
    assert '<a href="https://doi.org/10.1000/xyz" rel="noopener">doi:10.1000/xyz</a>' in page
    assert '<a href="https://example.org/review" rel="noopener">' in page


def test_article_without_references_has_no_references_heading(article):
    assert "references-heading" not in html(article)


def test_last_updated_shows_only_after_a_later_change(tree, author):
    article = make_article(tree.blog, authors=[author], date=datetime.date(2024, 1, 10))
    assert "Last updated" not in html(article)

    first = timezone.make_aware(datetime.datetime(2024, 1, 10, 9, 0))
    later = timezone.make_aware(datetime.datetime(2024, 3, 5, 9, 0))
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=first, last_published_at=later
    )
    assert 'Last updated <time datetime="2024-03-05">March 5, 2024</time>' in html(article)


def test_same_day_edits_are_not_an_update(tree, author):
    article = make_article(tree.blog, authors=[author], date=datetime.date(2024, 1, 10))
    morning = timezone.make_aware(datetime.datetime(2024, 1, 10, 9, 0))
    evening = timezone.make_aware(datetime.datetime(2024, 1, 10, 18, 0))
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=morning, last_published_at=evening
    )
    assert "Last updated" not in html(article)


def test_disclaimer_from_site_settings_shows_on_articles_and_techniques(article, technique):
    site = Site.objects.get(is_default_site=True)
    HealthDisclaimer.objects.create(site=site, text="This is **not medical advice**.")
    for page in (article, technique):
        content = html(page)
        assert '<h2 id="disclaimer-heading">Health disclaimer</h2>' in content
        assert "<strong>not medical advice</strong>" in content


def test_no_disclaimer_section_until_one_is_written(article, technique):
    for page in (article, technique):
        assert "disclaimer-heading" not in html(page)
