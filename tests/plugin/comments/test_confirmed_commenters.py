"""Where the site confirms new commenters, a first comment waits for the link we e-mail its
writer; confirming shows the address is theirs, and only then may auto-approval trust them."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from blog.comments import signed_links
from blog.comments.models import Commenter, ReaderComment

from ...comments import known_commenter, post, rules

Status = ReaderComment.Status
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def confirming(article):
    return rules(require_confirmation=True)


def post_and_read_mail(client, article, callbacks, **fields):
    """Post a comment and return (the comment, the links of the e-mail it caused)."""
    with callbacks(execute=True):
        response = post(client, article, **fields)
    assert response.status_code == 303
    comment = ReaderComment.objects.latest("pk")
    message = mail.outbox[-1]
    assert message.to == [comment.email]
    return comment, LINK.findall(message.body)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def test_a_new_commenters_comment_waits_for_the_link(
    confirming, article, django_capture_on_commit_callbacks
):
    reader = Client()
    comment, links = post_and_read_mail(
        reader, article, django_capture_on_commit_callbacks, body="My first comment here."
    )
    assert comment.status == Status.UNCONFIRMED
    own_view = reader.get(article.url).content.decode()
    assert "Check your e-mail to confirm this comment" in own_view
    assert "My first comment here." not in Client().get(article.url).content.decode()
    # No moderator hears of it yet: it may not even be from that address.
    assert all(message.to == [comment.email] for message in mail.outbox)

    confirm = path_of(next(link for link in links if "/confirm/" in link))
    page = reader.get(confirm)
    assert page.status_code == 200 and "My first comment here." in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.UNCONFIRMED  # a GET (a mail scanner) changes nothing

    assert reader.post(confirm).status_code == 303
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert Commenter.objects.get(email="rowan@example.com").is_confirmed


def test_a_used_or_forged_link_is_a_clear_4xx(
    confirming, article, django_capture_on_commit_callbacks
):
    reader = Client()
    _comment, links = post_and_read_mail(reader, article, django_capture_on_commit_callbacks)
    confirm = path_of(next(link for link in links if "/confirm/" in link))
    assert reader.post(confirm).status_code == 303
    used = reader.post(confirm)
    assert used.status_code == 410 and "already used" in used.content.decode()
    forged = reader.get(confirm[:-6] + "xxxxx/")
    assert forged.status_code == 400 and "not valid" in forged.content.decode()


def test_an_expired_link_says_so(confirming, article, django_capture_on_commit_callbacks):
    reader = Client()
    _comment, links = post_and_read_mail(reader, article, django_capture_on_commit_callbacks)
    confirm = path_of(next(link for link in links if "/confirm/" in link))
    with mock.patch.dict(signed_links.LIFETIMES, {"confirm": signed_links.LIFETIMES["edit"] * 0}):
        expired = reader.get(confirm)
    assert expired.status_code == 410 and "expired" in expired.content.decode()


def test_a_reader_posting_again_is_told_to_check_their_email_whoever_they_are(
    confirming, article, django_capture_on_commit_callbacks
):
    """The answer is the same for a new address and one confirmed elsewhere: nobody learns
    from it whether an address has commented before."""
    Commenter.objects.create(email="regular@example.com", confirmed_at="2024-01-01T00:00Z")
    for email in ("regular@example.com", "newcomer@example.com"):
        reader = Client()
        response = post(reader, article, json=True, email=email, body=f"Hello from {email}")
        assert response.json()["status"] == "unconfirmed"


def test_only_a_browser_that_confirmed_may_be_trusted_by_auto_approval(
    confirming, article, django_capture_on_commit_callbacks
):
    rules(require_confirmation=True, auto_approve_returning=True)
    # An approved comment from this browser, but never confirmed in it: not enough.
    unconfirmed_regular = known_commenter(article)
    post(unconfirmed_regular, article, body="Trust me?")
    assert ReaderComment.objects.get(body="Trust me?").status == Status.UNCONFIRMED

    reader = Client()
    comment, links = post_and_read_mail(
        reader, article, django_capture_on_commit_callbacks, email="sam@example.com"
    )
    reader.post(path_of(next(link for link in links if "/confirm/" in link)))
    ReaderComment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    post(reader, article, email="sam@example.com", body="Back again, confirmed.")
    assert ReaderComment.objects.get(body="Back again, confirmed.").status == Status.APPROVED


def test_urgent_comments_do_not_wait_for_confirmation(
    confirming, article, django_capture_on_commit_callbacks
):
    post(Client(), article, body="Some days I want to die.")
    comment = ReaderComment.objects.get()
    assert (comment.status, comment.urgent) == (Status.PENDING, True)


def test_without_confirmation_nothing_is_mailed_to_the_reader(
    article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), article)
    assert all("rowan@example.com" not in message.to for message in mail.outbox)
