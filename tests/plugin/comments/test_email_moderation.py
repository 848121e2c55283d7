"""Moderating from the held-comment e-mail: each moderator's message has approve and spam
links of their own and an "open in admin" link; the first two are signed, expire, lead to a
confirmation page that acts only on POST, and work once."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from blog.comments.models import ReaderComment
from blog.comments.moderation import notifications
from blog.comments.moderation.moderate import moderate
from blog.core.permissions import MODERATORS

from ...comments import make_comment, post, rules
from ...links import forged, issued_long_ago, link_to, links_in, path_of, sent_mail

Status = ReaderComment.Status
BODY = "Is it safe to try this while pregnant?"


@pytest.fixture
def moderators(db, django_user_model):
    users = []
    for name in ("mo", "may"):
        user = django_user_model.objects.create_user(name, f"{name}@example.com", "pw")
        user.groups.add(Group.objects.get(name=MODERATORS))
        users.append(user)
    return users


def logged_in(user, csrf=True):
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def held(callbacks, article):
    messages, response = sent_mail(callbacks, lambda: post(Client(), article, body=BODY))
    assert response.status_code == 303
    return ReaderComment.objects.get(body=BODY), {m.to[0]: m for m in messages}


def csrf_post(client, url):
    page = client.get(url)
    return client.post(url, {"csrfmiddlewaretoken": page.context["csrf_token"]})


def test_each_moderator_gets_their_own_links(
    article, moderators, django_capture_on_commit_callbacks
):
    comment, messages = held(django_capture_on_commit_callbacks, article)
    assert sorted(messages) == ["may@example.com", "mo@example.com"]
    mo, may = messages["mo@example.com"], messages["may@example.com"]
    for message in (mo, may):
        approve, spam = [link for link in links_in(message) if "/from-email/" in link]
        assert approve != spam
        inspect = link_to(message, "/inspect/")
        assert inspect.endswith(reverse("wellness_moderation:inspect", args=(comment.pk,)))
        assert "Approve it: " + approve in message.body
        assert "Mark it as spam: " + spam in message.body
    assert set(links_in(mo)).isdisjoint(link for link in links_in(may) if "/from-email/" in link)


def test_a_get_shows_the_comment_and_changes_nothing_a_post_acts(
    article, moderators, django_capture_on_commit_callbacks
):
    comment, messages = held(django_capture_on_commit_callbacks, article)
    mo = moderators[0]
    approve = path_of(links_in(messages[mo.email])[0])
    client = logged_in(mo)
    page = client.get(approve)
    assert page.status_code == 200
    text = page.content.decode()
    assert BODY in text and "Approve this comment?" in text and "Approve</button>" in text
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not ModelLogEntry.objects.exists()

    assert client.post(approve).status_code == 403  # the admin's CSRF check stands
    done = client.post(approve, {"csrfmiddlewaretoken": page.context["csrf_token"]})
    assert done.status_code == 302
    assert done["Location"] == reverse("wellness_moderation:inspect", args=(comment.pk,))
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Status.APPROVED, mo)
    assert ModelLogEntry.objects.get().action == "wellness_comments.approve"


def test_spam_from_the_email(article, moderators, django_capture_on_commit_callbacks):
    comment, messages = held(django_capture_on_commit_callbacks, article)
    spam = path_of(links_in(messages["may@example.com"])[1])
    csrf_post(logged_in(moderators[1]), spam)
    comment.refresh_from_db()
    assert comment.status == Status.SPAM


def test_a_link_works_once(article, moderators, django_capture_on_commit_callbacks):
    comment, messages = held(django_capture_on_commit_callbacks, article)
    mo, may = moderators
    approve_mo = path_of(links_in(messages[mo.email])[0])
    spam_may = path_of(links_in(messages[may.email])[1])
    csrf_post(logged_in(mo), approve_mo)
    # (Without CSRF checks here: the link itself is what is refused.)
    for client, url in ((logged_in(mo, csrf=False), approve_mo), (logged_in(may, False), spam_may)):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 410
            text = response.content.decode()
            assert "This link was already used" in text and "it is now “Approved”" in text
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert ModelLogEntry.objects.count() == 1
    # Deleted since: the link is spent too.
    moderate(ReaderComment.objects.filter(pk=comment.pk), "delete", mo)
    assert logged_in(mo).get(approve_mo).status_code == 410


def test_expired_and_forged_links(article, moderators, django_capture_on_commit_callbacks):
    with issued_long_ago("moderate"):
        comment, old = held(django_capture_on_commit_callbacks, article)
    mo = moderators[0]
    fresh, _ = sent_mail(
        django_capture_on_commit_callbacks,
        lambda: notifications.notify_moderators(comment, "awaits moderation", occasion="again"),
    )
    fresh = {m.to[0]: m for m in fresh}
    client = logged_in(mo)
    expired = path_of(links_in(old[mo.email])[0])
    response = client.get(expired)
    assert response.status_code == 410 and "This link has expired" in response.content.decode()
    bad = path_of(forged(links_in(fresh[mo.email])[0]))
    response = client.get(bad)
    assert response.status_code == 400 and "This link is not valid" in response.content.decode()
    # A token for another purpose (a reader's unsubscribe link, say) is not a moderation link.
    assert client.get(reverse("wellness_moderation:from_email", args=["x" * 40])).status_code == 400
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_only_the_moderator_it_was_sent_to_while_they_may_moderate(
    article, moderators, django_capture_on_commit_callbacks
):
    comment, messages = held(django_capture_on_commit_callbacks, article)
    mo, may = moderators
    approve_mo = path_of(links_in(messages[mo.email])[0])

    anonymous = Client().get(approve_mo)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert logged_in(may).get(approve_mo).status_code == 403  # not theirs
    mo.groups.clear()  # no longer a moderator
    response = logged_in(mo).get(approve_mo)
    assert response.status_code in (302, 403)  # no admin access at all, or no permission
    assert BODY not in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_urgent_comments_say_so_first(article, moderators, django_capture_on_commit_callbacks):
    rules(notify_moderators=False)  # should_notify: urgent ones go out regardless
    comment = make_comment(article, status=Status.PENDING, body=BODY)
    messages, _ = sent_mail(
        django_capture_on_commit_callbacks,
        lambda: notifications.notify_moderators(comment, "needs care", urgent=True),
    )
    assert len(messages) == 2
    for message in messages:
        assert message.subject.startswith("Urgent: ")
        assert message.body.startswith("Urgent: ")
    assert mail.outbox == messages
