"""When an article's next clinical review falls due: the site's interval or the article's
own, counted in months the same way in Python, in SQLite and in PostgreSQL."""

import datetime

import pytest
from wagtail.models import Page, Site

from blog.models import ArticlePage, BlogIndexPage, ClinicalReviewSettings
from blog.review_dates import ReviewStatus, add_months

from ...factories import make_article, make_author, publish

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def reviewer(tree):
    return make_author(tree.authors, "Jonah Whitlowe")


def reviewed(tree, author, reviewer, last_reviewed, **fields):
    return make_article(
        tree.blog, authors=[author], reviewer=reviewer, last_reviewed=last_reviewed, **fields
    )


def due_in_sql(article, today=TODAY):
    return ArticlePage.objects.with_review_due(today).get(pk=article.pk)


@pytest.mark.parametrize(
    ("last_reviewed", "months", "due"),
    [
        (datetime.date(2025, 3, 10), 12, datetime.date(2026, 3, 10)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),  # no 31 February
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),  # a leap year
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),  # a leap day
        (datetime.date(2024, 2, 29), 48, datetime.date(2028, 2, 29)),
        (datetime.date(2025, 8, 31), 6, datetime.date(2026, 2, 28)),
        (datetime.date(2025, 10, 31), 3, datetime.date(2026, 1, 31)),  # across the year
        (datetime.date(2025, 12, 15), 1, datetime.date(2026, 1, 15)),
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),
    ],
)
def test_months_end_on_the_same_day_or_the_months_last(
    tree, author, reviewer, last_reviewed, months, due
):
    article = reviewed(tree, author, reviewer, last_reviewed, review_interval_months=months)
    assert add_months(last_reviewed, months) == due
    assert due_in_sql(article).review_due == due
    assert article.next_review_due() == due


def test_the_site_interval_applies_unless_the_article_has_its_own(tree, author, reviewer):
    plain = reviewed(tree, author, reviewer, datetime.date(2025, 1, 10))
    own = reviewed(tree, author, reviewer, datetime.date(2025, 1, 10), review_interval_months=3)
    assert due_in_sql(plain).review_due == datetime.date(2026, 1, 10)  # twelve months
    setting = ClinicalReviewSettings.for_site(Site.objects.get())
    setting.review_interval_months = 24
    setting.save()
    assert due_in_sql(plain).review_due == plain.next_review_due() == datetime.date(2027, 1, 10)
    assert due_in_sql(own).review_due == own.next_review_due() == datetime.date(2025, 4, 10)


def test_each_site_has_its_own_interval(tree, author, reviewer):
    other_blog = publish(Page.get_first_root_node(), BlogIndexPage(title="Other", slug="other"))
    other = Site.objects.create(hostname="other.example", root_page=other_blog)
    ClinicalReviewSettings.objects.create(site=other, review_interval_months=6)
    here = reviewed(tree, author, reviewer, datetime.date(2025, 1, 10))
    there = make_article(
        other_blog, authors=[author], reviewer=reviewer, last_reviewed=datetime.date(2025, 1, 10)
    )
    assert due_in_sql(here).review_due == datetime.date(2026, 1, 10)
    assert due_in_sql(there).review_due == there.next_review_due() == datetime.date(2025, 7, 10)


def test_an_article_never_reviewed_is_not_reviewed_rather_than_overdue(article):
    found = due_in_sql(article)
    assert found.review_due is None and article.next_review_due() is None
    assert (
        found.review_status == article.get_review_status(today=TODAY) == ReviewStatus.NOT_REVIEWED
    )


@pytest.mark.parametrize(
    ("last_reviewed", "status"),
    [
        (datetime.date(2025, 9, 1), ReviewStatus.CURRENT),  # due 1 September
        (datetime.date(2025, 7, 15), ReviewStatus.DUE_SOON),  # due in 30 days
        (datetime.date(2025, 6, 16), ReviewStatus.DUE_SOON),  # due tomorrow
        (datetime.date(2025, 6, 15), ReviewStatus.OVERDUE),  # due today
        (datetime.date(2024, 1, 1), ReviewStatus.OVERDUE),
    ],
)
def test_a_review_is_current_until_its_due_date_and_soon_due_30_days_ahead(
    tree, author, reviewer, last_reviewed, status
):
    article = reviewed(tree, author, reviewer, last_reviewed)
    assert due_in_sql(article).review_status == status
    assert article.get_review_status(today=TODAY) == status


def test_coming_due_lists_live_reviewed_articles_due_within_the_window(tree, author, reviewer):
    overdue = reviewed(tree, author, reviewer, datetime.date(2025, 1, 1))
    soon = reviewed(tree, author, reviewer, datetime.date(2025, 7, 1))
    reviewed(tree, author, reviewer, datetime.date(2026, 1, 1))  # current
    reviewed(tree, author, reviewer, datetime.date(2025, 1, 1), live=False)  # a draft
    make_article(tree.blog, authors=[author])  # never reviewed
    found = ArticlePage.objects.coming_due(today=TODAY)
    assert list(found) == [overdue, soon]
    assert list(ArticlePage.objects.coming_due(within_days=0, today=TODAY)) == [overdue]
