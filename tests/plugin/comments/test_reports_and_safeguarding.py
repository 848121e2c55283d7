"""Readers report comments, and enough reports hide one until a moderator decides. A comment
that speaks of self-harm or suicide is never published at once: it is urgent, listed first,
its writer sees the site's support message, and moderators are e-mailed at once."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.comments.models import CommentReport, ReaderComment
from blog.comments.moderation.moderate import moderate

from ...comments import known_commenter, make_comment, post, rules

Status = ReaderComment.Status


def report(comment, reason="abusive", ip="203.0.113.50"):
    url = reverse("wellness_comments:report", args=[comment.pk])
    return Client().post(url, {"reason": reason}, REMOTE_ADDR=ip)


@pytest.fixture
def public_comment(article):
    return make_comment(article, body="Something hurtful about readers.")


def test_the_report_link_works_without_javascript(article, public_comment):
    url = reverse("wellness_comments:report", args=[public_comment.pk])
    assert url in Client().get(article.url).content.decode()
    form = Client().get(url)
    assert form.status_code == 200 and 'type="radio"' in form.content.decode()
    response = report(public_comment, "misinformation")
    assert response.status_code == 200 and "Thank you for your report" in response.content.decode()
    assert CommentReport.objects.get().reason == "misinformation"


def test_reporting_twice_counts_once(public_comment):
    report(public_comment, "spam")
    report(public_comment, "abusive")
    assert CommentReport.objects.count() == 1


def test_enough_readers_hide_a_comment_until_a_moderator_decides(
    article, public_comment, admin_user
):
    rules(hide_after_reports=2)
    report(public_comment, ip="203.0.113.1")
    assert "Something hurtful" in Client().get(article.url).content.decode()
    report(public_comment, ip="203.0.113.2")
    assert "Something hurtful" not in Client().get(article.url).content.decode()
    public_comment.refresh_from_db()
    assert public_comment.status == Status.PENDING

    moderate(ReaderComment.objects.filter(pk=public_comment.pk), "approve", admin_user)
    assert "Something hurtful" in Client().get(article.url).content.decode()
    assert not CommentReport.objects.filter(resolved_at=None).exists()


def test_reports_are_rate_limited(article):
    comments = [make_comment(article, body=f"Comment {n}") for n in range(12)]
    answers = [report(comment, ip="203.0.113.9").status_code for comment in comments]
    assert answers[:10] == [200] * 10 and answers[10:] == [429, 429]


def test_only_public_comments_can_be_reported(article):
    pending = make_comment(article, status=Status.PENDING)
    assert report(pending).status_code == 404


def test_the_listing_filters_and_counts_reports(article, public_comment, admin_client):
    other = make_comment(article, body="Harmless and unreported.")
    report(public_comment, "spam", ip="203.0.113.1")
    report(public_comment, "spam", ip="203.0.113.2")
    report(public_comment, "misinformation", ip="203.0.113.3")
    listing = admin_client.get("/admin/comments/?reported=on").content.decode()
    assert "Something hurtful" in listing and other.body not in listing
    assert "Reported 3 times" in listing
    assert "Spam or advertising (2)" in listing and "Medical misinformation (1)" in listing


# Safeguarding

CRISIS = "Some nights I think about ending my life."


def test_a_crisis_comment_is_urgent_never_auto_approved_and_mailed_at_once(
    article, moderator, django_capture_on_commit_callbacks
):
    rules(auto_approve_returning=True, notify_moderators=False)
    regular = known_commenter(article)
    with django_capture_on_commit_callbacks(execute=True):
        post(regular, article, body=CRISIS)
    comment = ReaderComment.objects.get(body=CRISIS)
    assert (comment.status, comment.urgent) == (Status.PENDING, True)
    urgent = [m for m in mail.outbox if m.to == ["mo@example.com"]]
    assert len(urgent) == 1 and urgent[0].subject.startswith("Urgent")


def test_a_crisis_comment_is_caught_even_among_spam_words(article):
    rules(spam_words="pills")
    post(Client(), article, body="I have the pills here and want to die.")
    assert ReaderComment.objects.get().status == Status.PENDING


def test_the_writer_sees_the_support_message_instead_of_awaiting_moderation(article):
    rules(support_message="If you are in danger, call **112** now.")
    reader = Client()
    post(reader, article, body=CRISIS)
    page = reader.get(article.url).content.decode()
    assert "<strong>112</strong>" in page
    assert CRISIS in page
    json = post(reader, article, json=True, body="I keep wanting to hurt myself.").json()
    assert json["urgent"] and "<strong>112</strong>" in json["html"]
    assert "<strong>112</strong>" not in Client().get(article.url).content.decode()


def test_urgent_comments_come_first_in_the_listing_and_the_dashboard(
    article, moderator, admin_client
):
    make_comment(article, status=Status.PENDING, body="An ordinary newer comment.")
    post(Client(), article, body=CRISIS)
    three_hours_ago = timezone.now() - datetime.timedelta(hours=3)
    ReaderComment.objects.filter(body=CRISIS).update(created_at=three_hours_ago)
    make_comment(article, status=Status.PENDING, body="The newest comment.")
    for url in ("/admin/comments/?status=pending", "/admin/comments/", "/admin/"):
        html = admin_client.get(url).content.decode()
        assert html.index(CRISIS) < html.index("The newest comment."), url
    listing = admin_client.get("/admin/comments/").content.decode()
    assert "Urgent" in listing and "waiting 3" in listing


def test_an_edit_that_speaks_of_crisis_becomes_urgent(article, moderator):
    reader = Client()
    post(reader, article, body="A calm first comment.")
    comment = ReaderComment.objects.get()
    reader.post(reverse("wellness_comments:edit", args=[comment.pk]), {"body": CRISIS})
    comment.refresh_from_db()
    assert comment.urgent
