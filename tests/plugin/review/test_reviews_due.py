"""Reviews coming due, as editors and therapists see them in the admin: the "Reviews due"
report and the dashboard panel "Your reviews coming due"."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from blog.core.permissions import THERAPISTS
from blog.review.panels import ReviewsComingDuePanel
from blog.review_dates import add_months

from ...factories import make_article, make_author

REPORT = "/admin/reports/reviews-due/"
TODAY = timezone.localdate()


def reviewed_ago(months=0, days=0):
    """The review date that makes a review due ``months`` and ``days`` from today, at the
    site's twelve months."""
    return add_months(TODAY + datetime.timedelta(days=days), months - 12)


@pytest.fixture
def people(tree, django_user_model):
    """Maren and Jonah, therapists with profiles; Sunniva, a profile without an account."""
    therapists = Group.objects.get(name=THERAPISTS)
    users = {}
    for name in ("Maren Oakhurst", "Jonah Whitlowe"):
        username = name.split()[0].lower()
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(therapists)
        make_author(tree.authors, name, user=user)
        users[username] = user
    sunniva = make_author(tree.authors, "Sunniva Achterberg")
    return users["maren"].author_profile, users["jonah"].author_profile, sunniva


@pytest.fixture
def articles(tree, people):
    maren, jonah, sunniva = people

    def article(title, author, reviewer=None, last_reviewed=None, **fields):
        return make_article(
            tree.blog,
            title,
            authors=[author],
            reviewer=reviewer,
            last_reviewed=last_reviewed,
            **fields,
        )

    return {
        "overdue": article("Overdue by Maren", maren, jonah, reviewed_ago(days=-40)),
        "soon": article("Due soon by Jonah", jonah, sunniva, reviewed_ago(days=10)),
        "mine to review": article("Sunniva reviewed by Maren", sunniva, maren, reviewed_ago(0)),
        "current": article("Current by Maren", maren, jonah, reviewed_ago(days=90)),
        "never": article("Never reviewed by Maren", maren),
        "draft": article("Draft by Maren", maren, jonah, reviewed_ago(-3), live=False),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def listed(response):
    assert response.status_code == 200
    page = response.content.decode()
    return [title for title in TITLES if title in page]


TITLES = [
    "Overdue by Maren",
    "Due soon by Jonah",
    "Sunniva reviewed by Maren",
    "Current by Maren",
    "Never reviewed by Maren",
    "Draft by Maren",
]


def test_the_report_lists_live_articles_overdue_or_due_soon(articles, people):
    maren = people[0].user
    page = client_for(maren).get(REPORT)
    assert listed(page) == ["Overdue by Maren", "Due soon by Jonah", "Sunniva reviewed by Maren"]
    html = page.content.decode()
    overdue = articles["overdue"]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[overdue.pk])}"' in html
    assert "Jonah Whitlowe" in html and "Overdue" in html and "Due soon" in html
    assert date_format(overdue.next_review_due()) in html


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("author={maren}", ["Overdue by Maren"]),
        ("reviewer={maren}", ["Sunniva reviewed by Maren"]),
        ("reviewer={sunniva}", ["Due soon by Jonah"]),
        ("mine=on", ["Overdue by Maren", "Sunniva reviewed by Maren"]),
        ("status=overdue", ["Overdue by Maren", "Sunniva reviewed by Maren"]),
        ("status=due_soon", ["Due soon by Jonah"]),
        ("status=not_reviewed", ["Never reviewed by Maren"]),
        ("author=99999999999999999999999999", TITLES[:3]),  # not a choice: the filter is off
    ],
)
def test_the_report_filters_by_author_reviewer_status_and_mine(articles, people, query, titles):
    maren, _jonah, sunniva = people
    query = query.format(maren=maren.pk, sunniva=sunniva.pk)
    assert listed(client_for(maren.user).get(f"{REPORT}?{query}")) == titles


def test_the_report_downloads_as_csv(articles, people):
    response = client_for(people[0].user).get(f"{REPORT}?export=csv&status=due_soon")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    soon = articles["soon"]
    assert rows == [
        ["Article", "Authors", "Reviewer", "Last reviewed", "Next review due", "Status"],
        [
            "Due soon by Jonah",
            "Jonah Whitlowe",
            "Sunniva Achterberg",
            soon.last_reviewed.isoformat(),
            soon.next_review_due().isoformat(),
            "Due soon",
        ],
    ]


def test_only_those_who_edit_pages_see_the_report(articles, people, django_user_model):
    assert Client().get(REPORT).url.startswith("/admin/login/")
    reader = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    assert client_for(reader).get(REPORT).status_code == 302  # no admin access
    stranger = django_user_model.objects.create_user("stranger", "s@example.com", "pw")
    stranger.groups.add(Group.objects.get(name="Editors"))  # admin access
    stranger.groups.get().page_permissions.all().delete()  # but no page to edit
    assert client_for(stranger).get(REPORT).url == "/admin/"
    assert "Reviews due" not in client_for(stranger).get("/admin/").content.decode()

    home = client_for(people[0].user).get("/admin/").content.decode()
    assert REPORT in home  # in the Reports menu


def test_the_report_costs_the_same_however_many_articles(
    tree, articles, people, django_assert_max_num_queries
):
    client = client_for(people[0].user)
    client.get(REPORT)
    with django_assert_max_num_queries(REPORT_QUERIES) as few:
        client.get(REPORT)
    for n in range(12):
        make_article(
            tree.blog,
            authors=[people[n % 3], people[(n + 1) % 3]],
            reviewer=people[(n + 2) % 3],
            last_reviewed=reviewed_ago(days=-n),
        )
    with django_assert_max_num_queries(len(few)):
        assert len(listed(client.get(REPORT))) == 3


# Most of the report's are Wagtail's own (session, user, permissions, menus); the panel's
# are the sites' intervals (two) and the articles with their reviewers (one).
REPORT_QUERIES = 17
PANEL_QUERIES = 3


def test_the_dashboard_lists_a_therapists_reviews_coming_due(articles, people):
    maren, jonah, _sunniva = people
    home = client_for(maren.user).get("/admin/").content.decode()
    assert "Your reviews coming due" in home
    panel = home[home.index('id="reviews-coming-due-section"') :]
    assert [t for t in TITLES if t in panel] == ["Overdue by Maren", "Sunniva reviewed by Maren"]
    for article in (articles["overdue"], articles["mine to review"]):
        assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in panel
    assert f"{REPORT}?mine=on" in panel

    jonah_home = client_for(jonah.user).get("/admin/").content.decode()
    panel = jonah_home[jonah_home.index('id="reviews-coming-due-section"') :]
    assert [t for t in TITLES if t in panel] == ["Overdue by Maren", "Due soon by Jonah"]


def test_no_panel_without_reviews_coming_due(tree, people, admin_client):
    maren = people[0]
    make_article(tree.blog, authors=[maren], reviewer=people[1], last_reviewed=TODAY)
    assert "Your reviews coming due" not in client_for(maren.user).get("/admin/").content.decode()
    assert "Your reviews coming due" not in admin_client.get("/admin/").content.decode()


def test_the_panel_costs_a_few_queries_however_many_articles(
    tree, articles, people, rf, django_assert_max_num_queries
):
    maren, jonah, sunniva = people
    for n in range(8):
        make_article(tree.blog, authors=[maren, sunniva], reviewer=jonah, last_reviewed=TODAY)
        make_article(tree.blog, authors=[jonah], reviewer=maren, last_reviewed=reviewed_ago(-n))
    request = rf.get("/admin/")
    request.user = maren.user
    with django_assert_max_num_queries(PANEL_QUERIES):
        html = ReviewsComingDuePanel(maren).render_html({"request": request})
    assert html.count("<tr>") == 1 + 10  # the heading and the first ten
