"""For a while after posting, a reader may change or remove their own comment, and nobody
else's. An edit to an approved comment waits for a moderator while the approved text
stays; a removed comment with replies keeps the thread together."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate

from ...comments import make_comment, post, rules

Status = ReaderComment.Status


def edit_url(comment):
    return reverse("wellness_comments:edit", args=[comment.pk])


@pytest.fixture
def reader_and_comment(article):
    reader = Client()
    assert post(reader, article, body="What I first wrote.").status_code == 303
    return reader, ReaderComment.objects.get(body="What I first wrote.")


def test_the_writer_sees_a_link_to_change_their_comment(article, reader_and_comment):
    reader, comment = reader_and_comment
    assert edit_url(comment) in reader.get(article.url).content.decode()
    assert edit_url(comment) not in Client().get(article.url).content.decode()


def test_a_pending_comment_is_changed_in_place(reader_and_comment):
    reader, comment = reader_and_comment
    assert reader.post(edit_url(comment), {"body": "What I meant."}).status_code == 303
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("What I meant.", Status.PENDING)


def test_an_edit_to_an_approved_comment_waits_while_the_approved_text_stays(
    article, admin_user, reader_and_comment
):
    reader, comment = reader_and_comment
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    reader.post(edit_url(comment), {"body": "A change a moderator must see."})
    public = Client().get(article.url).content.decode()
    assert "What I first wrote." in public and "A change a moderator must see." not in public
    assert ReaderComment.objects.awaiting_moderation().filter(pk=comment.pk).exists()

    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    public = Client().get(article.url).content.decode()
    assert "A change a moderator must see." in public and "What I first wrote." not in public


def test_a_moderator_may_turn_an_edit_down_and_keep_the_approved_text(
    article, admin_user, reader_and_comment
):
    reader, comment = reader_and_comment
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    reader.post(edit_url(comment), {"body": "Something worse."})
    assert moderate(ReaderComment.objects.filter(pk=comment.pk), "reject", admin_user) == 1
    comment.refresh_from_db()
    assert (comment.status, comment.body, comment.edited_at) == (
        Status.APPROVED,
        "What I first wrote.",
        None,
    )


def test_removing_a_comment_without_replies_deletes_it(reader_and_comment):
    reader, comment = reader_and_comment
    assert reader.post(edit_url(comment), {"delete": "1"}).status_code == 303
    assert not ReaderComment.objects.filter(pk=comment.pk).exists()


def test_removing_a_comment_with_replies_keeps_the_thread(article, admin_user, reader_and_comment):
    reader, comment = reader_and_comment
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    make_comment(article, parent=comment, body="A reply that must stay.")
    reader.post(edit_url(comment), {"delete": "1"})
    page = Client().get(article.url).content.decode()
    assert "Comment removed by its author" in page
    assert "A reply that must stay." in page
    assert "What I first wrote." not in page and "Rowan Reader" not in page


def test_someone_elses_comment_is_refused(article, reader_and_comment):
    _reader, comment = reader_and_comment
    stranger = Client()
    for response in (
        stranger.get(edit_url(comment)),
        stranger.post(edit_url(comment), {"body": "Hijacked."}),
        stranger.post(edit_url(comment), {"delete": "1"}),
    ):
        assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "What I first wrote."


def test_after_the_window_the_comment_cannot_be_changed(reader_and_comment):
    reader, comment = reader_and_comment
    rules(edit_window_minutes=15)
    ReaderComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = reader.post(edit_url(comment), {"body": "Too late."})
    assert response.status_code == 403
    assert "can no longer be changed" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "What I first wrote."


def test_an_invalid_edit_keeps_what_the_reader_typed(reader_and_comment):
    reader, comment = reader_and_comment
    rules(max_length=100)
    response = reader.post(edit_url(comment), {"body": "x" * 101})
    assert response.status_code == 400
    assert "x" * 101 in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "What I first wrote."


def test_the_confirmation_emails_link_proves_authorship_in_another_browser(
    article, django_capture_on_commit_callbacks
):
    rules(require_confirmation=True)
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), article, body="Written on my phone.")
    link = next(url for url in re.findall(r"https?://\S+", mail.outbox[-1].body) if "/edit/" in url)
    laptop = Client()
    path = "/" + link.split("/", 3)[3]
    assert laptop.post(path, {"body": "Corrected on my laptop."}).status_code == 303
    assert ReaderComment.objects.get().body == "Corrected on my laptop."
