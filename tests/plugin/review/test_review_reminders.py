"""``manage.py send_review_reminders``: one e-mail per person about their reviews coming due,
safe to run from cron every day."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from blog.core.permissions import THERAPISTS
from blog.review.models import ReviewReminder
from blog.review_dates import add_months

from ...factories import make_article, make_author

TODAY = timezone.localdate()


def reviewed_for_due_in(days):
    """A review date that makes the review due in ``days`` (the site's twelve months)."""
    return add_months(TODAY + datetime.timedelta(days=days), -12)


@pytest.fixture
def people(tree, django_user_model):
    """Maren and Jonah, therapists with profiles and addresses; Sunniva, a profile alone."""
    therapists = Group.objects.get(name=THERAPISTS)
    for name in ("Maren Oakhurst", "Jonah Whitlowe"):
        username = name.split()[0].lower()
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(therapists)
        make_author(tree.authors, name, user=user)
    maren = django_user_model.objects.get(username="maren").author_profile
    jonah = django_user_model.objects.get(username="jonah").author_profile
    return maren, jonah, make_author(tree.authors, "Sunniva Achterberg")


@pytest.fixture
def due(tree, people):
    maren, jonah, sunniva = people

    def article(title, authors, reviewer, due_in):
        return make_article(
            tree.blog,
            title,
            authors=authors,
            reviewer=reviewer,
            last_reviewed=reviewed_for_due_in(due_in),
        )

    return [
        article("Neck tension", [maren], jonah, -20),  # overdue: Jonah reviews it
        article("Sleep", [sunniva], jonah, 10),  # due soon: Jonah again
        article("Pregnancy", [maren, jonah], sunniva, 5),  # Sunniva has no account: the authors
        article("Headaches", [maren], jonah, 60),  # not due yet
    ]


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command as cron does, and the tasks it queues (ours run as they are queued,
    once the command's changes commit): ``(stdout, stderr)``."""

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_review_reminders", *args, stdout=out, stderr=err)
        return out.getvalue().strip(), err.getvalue().strip()

    return run


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_person_gets_one_email_listing_their_articles(due, people, run):
    out, _err = run()
    assert (
        out == "Sending 2 reminders: jonah@example.com (3 articles), maren@example.com (1 article)."
    )
    messages = by_recipient()
    assert set(messages) == {"jonah@example.com", "maren@example.com"}
    jonah = messages["jonah@example.com"]
    assert jonah.subject == "3 articles are due for clinical review"
    for title in ("Neck tension", "Sleep", "Pregnancy"):
        assert f"- {title}" in jonah.body
    assert "Headaches" not in jonah.body
    neck, sleep = due[0], due[1]
    assert f"Overdue since {date_format(neck.next_review_due())}" in jonah.body
    assert f"Due on {date_format(sleep.next_review_due())}" in jonah.body
    edit = reverse("wagtailadmin_pages:edit", args=[neck.pk])
    assert f"http://localhost{edit}" in jonah.body  # the address of the article's site
    maren = messages["maren@example.com"]
    assert maren.subject == "1 article is due for clinical review"
    assert "- Pregnancy" in maren.body and "Neck tension" not in maren.body


def test_a_second_run_the_same_day_sends_nothing(due, run):
    run()
    mail.outbox.clear()
    out, _err = run()
    assert out == "Nothing to send: 3 reviews are due, and no one is to be reminded of them today."
    assert mail.outbox == []


def test_a_dry_run_says_what_it_would_send_and_sends_and_records_nothing(due, run):
    out, _err = run("--dry-run")
    assert out == (
        "Would send 2 reminders: jonah@example.com (3 articles), maren@example.com (1 article)."
    )
    assert mail.outbox == [] and not ReviewReminder.objects.exists()
    assert run()[0].startswith("Sending 2 reminders")


def test_days_widens_or_narrows_the_window(due, run):
    assert run("--days", "0", "--dry-run")[0] == (
        "Would send 1 reminder: jonah@example.com (1 article)."
    )
    assert "(4 articles)" in run("--days", "90")[0]


def test_no_reviews_due(tree, people, run):
    make_article(tree.blog, authors=[people[0]], reviewer=people[1], last_reviewed=TODAY)
    make_article(tree.blog, authors=[people[0]])  # never reviewed: nothing to renew
    assert run() == ("No reviews due.", "")
    assert mail.outbox == []


def travel_days(monkeypatch, days):
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=days))


def test_reminded_again_when_due_then_weekly_while_overdue(tree, people, monkeypatch, run):
    maren, jonah, _sunniva = people
    make_article(tree.blog, authors=[maren], reviewer=jonah, last_reviewed=reviewed_for_due_in(3))
    sent_on = []
    for day in range(0, 21):
        with monkeypatch.context() as patch:
            travel_days(patch, day)
            if run()[0].startswith("Sending"):
                sent_on.append(day)
    # When it comes due within the window, on the day it falls due, then every seven days.
    assert sent_on == [0, 3, 10, 17]
    assert {message.to[0] for message in mail.outbox} == {"jonah@example.com"}


def test_a_new_review_starts_the_reminders_afresh(due, run):
    run()
    neck = due[0]
    neck.last_reviewed = reviewed_for_due_in(1)
    neck.save_revision().publish()
    mail.outbox.clear()
    assert run()[0] == "Sending 1 reminder: jonah@example.com (1 article)."


def test_an_article_with_no_one_to_remind_is_reported(tree, people, run):
    ida = make_author(tree.authors, "Ida Lindqvist")
    make_article(
        tree.blog, "Orphan", authors=[ida], reviewer=people[2], last_reviewed=reviewed_for_due_in(2)
    )
    assert run() == (
        "Nothing to send: 1 review is due, and no one is to be reminded of it today.",
        "Nobody to remind of “Orphan”: its reviewer and authors have no address.",
    )


def test_reminders_are_in_the_sites_language(due, settings, run):
    settings.LANGUAGE_CODE = "es"
    run()
    jonah = by_recipient()["jonah@example.com"]
    assert jonah.subject == "3 artículos tienen pendiente su revisión clínica"
    assert "Vencida desde" in jonah.body
