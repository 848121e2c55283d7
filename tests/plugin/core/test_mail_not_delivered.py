"""What could not be delivered is in front of the admins: the "Mail not delivered" report
(what, to whom and why, with Send again) and a dashboard panel; no one else sees readers'
addresses there."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from blog.core.models import MailDelivery

from ...comments import post

REPORT = "/admin/reports/mail-not-delivered/"


@pytest.fixture
def undelivered(article, moderator, mail_server, django_capture_on_commit_callbacks):
    """A held comment whose e-mail the server refused for the moderator's address."""
    mail_server.refuse(moderator.email)
    with django_capture_on_commit_callbacks(execute=True):
        assert post(Client(), article, body="Is this normal after a session?").status_code == 303
    return MailDelivery.objects.get()


@pytest.fixture
def admin(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def test_the_report_says_what_to_whom_and_why(undelivered, admin):
    html = admin.get(REPORT).content.decode()
    assert "A comment to moderate" in html
    assert "New comment to moderate on “" in html
    assert "mo@example.com" in html
    assert "550 5.1.1 No such mailbox" in html
    assert "Not delivered" in html and "Send again" in html


def test_send_again_delivers_it_and_it_leaves_the_report(
    undelivered, admin, mail_server, django_capture_on_commit_callbacks
):
    mail_server.refused.clear()  # the address was mistyped, and an admin put it right
    mail.outbox.clear()  # the admin's own copy, as a superuser moderates too
    url = reverse("wellness_outbox:send_again", args=[undelivered.pk])
    assert admin.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(url, follow=True)
    assert "is being sent again" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["mo@example.com"]]
    undelivered.refresh_from_db()
    assert undelivered.status == MailDelivery.Status.SENT
    assert "mo@example.com" not in admin.get(REPORT).content.decode()
    response = admin.post(url, follow=True)  # a second click
    assert "was sent meanwhile" in response.content.decode() and len(mail.outbox) == 1


def test_the_dashboard_says_when_mail_could_not_be_delivered(undelivered, admin):
    html = admin.get("/admin/").content.decode()
    assert "1 e-mail could not be delivered." in html
    MailDelivery.objects.update(status=MailDelivery.Status.SENT)
    assert "could not be delivered" not in admin.get("/admin/").content.decode()


def test_no_one_else_sees_readers_addresses_or_sends_them_mail(undelivered, therapist, moderator):
    for user in (therapist, moderator):
        client = Client()
        client.force_login(user)
        assert "mo@example.com" not in client.get(REPORT, follow=True).content.decode()
        assert "Mail not delivered" not in client.get("/admin/").content.decode()
        url = reverse("wellness_outbox:send_again", args=[undelivered.pk])
        assert client.post(url).status_code in (302, 403)
    undelivered.refresh_from_db()
    assert undelivered.status == MailDelivery.Status.FAILED


def test_ids_no_row_can_have_are_not_found(admin):
    assert admin.post(f"{REPORT}{2**63}/send-again/").status_code == 404
    assert admin.post(f"{REPORT}12345/send-again/").status_code == 404
