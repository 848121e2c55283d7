"""Reply notifications readers can stop: sent only when a reply is approved, only to a writer
who asked, never after they unsubscribed or muted the conversation; each carries a one-click
unsubscribe link (RFC 8058) and a mute link, whose pages change nothing on GET."""

import pytest
from django.core import mail
from django.test import Client

from blog.comments.models import Commenter, MutedThread, ReaderComment
from blog.comments.moderation import notifications, replies
from blog.comments.moderation.moderate import moderate

from ...comments import known_commenter, make_comment, post, rules
from ...links import forged, issued_long_ago, link_to, links_in, path_of, sent_mail

Status = ReaderComment.Status
WRITER = "first@example.com"


@pytest.fixture
def site_notifies(db, tree):
    return rules(notify_on_reply=True)


@pytest.fixture
def thread(article, site_notifies):
    """A comment whose writer asked for reply e-mail, and a reply to it awaiting moderation."""
    top = make_comment(article, email=WRITER, name="First", notify_replies=True)
    reply = make_comment(article, parent=top, status=Status.PENDING, name="Second")
    return top, reply


def approve(callbacks, comment, user):
    messages, _changed = sent_mail(
        callbacks, lambda: moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", user)
    )
    return messages


def reply_to(top, **fields):
    return make_comment(top.page, parent=top, status=Status.PENDING, **fields)


def test_the_form_offers_the_opt_in_only_where_the_site_sends_them(article, client):
    from django.urls import reverse

    write = reverse("wellness_comments:write", args=[article.pk])
    assert 'name="notify_replies"' not in client.get(write).content.decode()
    rules(notify_on_reply=True)
    assert 'name="notify_replies"' in client.get(write).content.decode()
    post(client, article, notify_replies="on")
    post(client, article, body="And without the box ticked.")
    assert sorted(ReaderComment.objects.values_list("notify_replies", flat=True)) == [False, True]


def test_a_reply_is_told_only_once_approved(thread, admin_user, django_capture_on_commit_callbacks):
    top, reply = thread
    assert mail.outbox == []  # posting a reply sends its parent's writer nothing
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    assert message.to == [WRITER]
    assert message.subject == f"Second replied to your comment on “{top.page.title}”"
    # Approving again, or rejecting, tells no one anything more.
    assert approve(django_capture_on_commit_callbacks, reply, admin_user) == []


def test_no_email_without_the_opt_in_or_the_sites_switch(
    article, site_notifies, admin_user, django_capture_on_commit_callbacks
):
    silent = make_comment(article, email=WRITER, notify_replies=False)
    assert approve(django_capture_on_commit_callbacks, reply_to(silent), admin_user) == []

    asked = make_comment(article, email=WRITER, notify_replies=True)
    rules(notify_on_reply=False)  # the site stopped offering them since
    assert approve(django_capture_on_commit_callbacks, reply_to(asked), admin_user) == []


def test_no_email_about_ones_own_reply(thread, admin_user, django_capture_on_commit_callbacks):
    top, _reply = thread
    own = reply_to(top, email=WRITER.upper(), name="First again")
    assert approve(django_capture_on_commit_callbacks, own, admin_user) == []


def test_a_reply_published_at_once_is_told_too(thread, django_capture_on_commit_callbacks):
    _top, reply = thread
    ReaderComment.objects.filter(pk=reply.pk).update(status=Status.APPROVED)
    reply = ReaderComment.objects.select_related("page", "parent").get(pk=reply.pk)
    messages, _ = sent_mail(
        django_capture_on_commit_callbacks, lambda: notifications.reply_published(reply)
    )
    assert [m.to for m in messages] == [[WRITER]]


def test_every_reply_email_carries_one_click_unsubscribe(
    thread, admin_user, django_capture_on_commit_callbacks
):
    _top, reply = thread
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    unsubscribe = link_to(message, "/unsubscribe/")
    assert message.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    # The header survives into the message as sent.
    sent = message.message()
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent["List-Unsubscribe"] == f"<{unsubscribe}>"
    # No address in the link: the token names the reader's row, not their e-mail.
    assert WRITER not in unsubscribe and "first" not in unsubscribe.lower()


def test_unsubscribing_stops_every_reply_email(
    thread, article, admin_user, django_capture_on_commit_callbacks
):
    top, reply = thread
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    url = path_of(link_to(message, "/unsubscribe/"))

    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url)
    assert page.status_code == 200 and ">Unsubscribe</button>" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    assert Commenter.objects.get(email=WRITER).unsubscribed_at is None  # a GET changes nothing

    # What a mail program sends (RFC 8058): no CSRF token, no cookie.
    done = reader.post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "You are unsubscribed." in done.content.decode()
    assert Commenter.objects.get(email=WRITER).unsubscribed_at is not None

    assert approve(django_capture_on_commit_callbacks, reply_to(top), admin_user) == []
    other = make_comment(article, email=WRITER, notify_replies=True)
    assert approve(django_capture_on_commit_callbacks, reply_to(other), admin_user) == []

    # Clicking again says so, and is harmless (200: the reader's wish is what it was).
    for again in (reader.get(url), reader.post(url)):
        assert again.status_code == 200
        assert "You are already unsubscribed." in again.content.decode()


def test_muting_stops_one_conversation_only(
    thread, article, admin_user, django_capture_on_commit_callbacks
):
    top, reply = thread
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    url = path_of(link_to(message, "/mute/"))
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url).content.decode()
    assert "Mute this conversation" in page and top.page.title in page
    assert not MutedThread.objects.exists()

    assert "no more e-mail about this conversation" in reader.post(url).content.decode()
    assert MutedThread.objects.get().thread_id == top.pk
    # A reply deeper in the same conversation is muted too.
    rules(notify_on_reply=True, max_reply_depth=3)
    deeper = make_comment(article, email=WRITER, parent=reply, notify_replies=True)
    assert approve(django_capture_on_commit_callbacks, reply_to(top), admin_user) == []
    assert approve(django_capture_on_commit_callbacks, reply_to(deeper), admin_user) == []

    other = make_comment(article, email=WRITER, notify_replies=True)
    (elsewhere,) = approve(django_capture_on_commit_callbacks, reply_to(other), admin_user)
    assert elsewhere.to == [WRITER]
    assert "already muted" in reader.post(url).content.decode()


def test_many_replies_cost_a_few_queries(
    article, site_notifies, admin_user, django_assert_max_num_queries
):
    parents = [
        make_comment(article, email=f"writer{n}@example.com", notify_replies=True)
        for n in range(20)
    ]
    for parent in parents:
        reply_to(parent)
    pending = ReaderComment.objects.filter(status=Status.PENDING)
    with django_assert_max_num_queries(14):
        assert moderate(pending, "approve", admin_user) == 20


@pytest.mark.parametrize("path", ["unsubscribe", "mute"])
def test_bad_links_are_a_clear_4xx_and_change_nothing(
    thread, admin_user, django_capture_on_commit_callbacks, path
):
    _top, reply = thread
    with issued_long_ago(path):
        (old,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    expired = path_of(link_to(old, f"/{path}/"))
    (fresh,) = approve(
        django_capture_on_commit_callbacks, reply_to(reply.parent, name="Third"), admin_user
    )
    bad = path_of(forged(link_to(fresh, f"/{path}/")))
    client = Client()
    for method in (client.get, client.post):
        response = method(expired)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        response = method(bad)
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
        # A token of another purpose is no better than a forged one.
        other = "mute" if path == "unsubscribe" else "unsubscribe"
        swapped = path_of(link_to(fresh, f"/{path}/")).replace(f"/{path}/", f"/{other}/")
        assert method(swapped).status_code == 400
    assert Commenter.objects.get(email=WRITER).unsubscribed_at is None
    assert not MutedThread.objects.exists()


def test_links_of_a_reader_whose_data_was_erased_are_spent(
    thread, admin_user, django_capture_on_commit_callbacks
):
    from blog.comments.readers.personal_data import erase

    _top, reply = thread
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    erase(WRITER)
    for fragment in ("/unsubscribe/", "/mute/"):
        response = Client().post(path_of(link_to(message, fragment)))
        assert response.status_code == 410
        assert "This link was already used" in response.content.decode()


def test_reply_email_links_name_no_address(thread, admin_user, django_capture_on_commit_callbacks):
    _top, reply = thread
    (message,) = approve(django_capture_on_commit_callbacks, reply, admin_user)
    for link in links_in(message):
        assert "example.com" not in link.split("/", 3)[-1]


def test_no_email_about_a_comment_no_longer_public(
    thread, admin_user, django_capture_on_commit_callbacks
):
    top, reply = thread
    moderate(ReaderComment.objects.filter(pk=top.pk), "reject", admin_user)
    assert approve(django_capture_on_commit_callbacks, reply, admin_user) == []


def test_a_reply_published_at_once_tells_the_writer_too(
    thread, admin_user, django_capture_on_commit_callbacks
):
    """Replies that skip the queue (a returning reader's, an author's) are public at once:
    the writer who asked hears of them as of any approved reply."""
    top, _pending = thread
    rules(auto_approve_returning=True)
    returning = known_commenter(top.page)
    mail.outbox.clear()
    messages, _ = sent_mail(
        django_capture_on_commit_callbacks,
        lambda: post(returning, top.page, parent=top.pk, body="Same here: it eased in a week."),
    )
    assert ReaderComment.objects.get(body__startswith="Same here").status == Status.APPROVED
    assert [m.to for m in messages] == [[WRITER]]

    messages, _ = sent_mail(
        django_capture_on_commit_callbacks,
        lambda: replies.answer(admin_user, top.page, top, "Glad it helped."),
    )
    assert [m.to for m in messages] == [[WRITER]]
