"""Every link in every e-mail about comments leads where it says, and nothing a reader types
can add lines to an e-mail."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from wagtail.models import Site

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate

from ...comments import make_comment, post, rules

LINK = re.compile(r"https?://\S+")
Status = ReaderComment.Status


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


def sent(callbacks, action):
    with callbacks(execute=True):
        action()
    assert mail.outbox, "no e-mail was sent"
    return mail.outbox[-1]


def follow(client, link):
    """GET a link from an e-mail, which must point at this site: its admin, or a page."""
    parts = urlsplit(link)
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc}
    hosts |= {urlsplit(site.root_url).netloc for site in Site.objects.all()}
    assert parts.netloc in hosts, link
    url = f"{parts.path}?{parts.query}" if parts.query else parts.path
    response = client.get(url, follow=True, HTTP_HOST=parts.netloc)
    assert response.status_code == 200, link
    return response.content.decode()


def test_the_held_comment_email_links_to_the_comment_in_the_queue(
    article, moderator, django_capture_on_commit_callbacks
):
    message = sent(
        django_capture_on_commit_callbacks,
        lambda: post(Client(), article, body="Please look at my comment."),
    )
    links = LINK.findall(message.body)
    assert links
    for link in links:
        assert "Please look at my comment." in follow(moderator, link)


def test_the_reply_email_links_to_the_reply(
    article, admin_user, django_capture_on_commit_callbacks
):
    rules(notify_on_reply=True)
    top = make_comment(article, email="first@example.com", notify_replies=True)
    reply = make_comment(article, parent=top, status=Status.PENDING, body="Here is my answer.")
    message = sent(
        django_capture_on_commit_callbacks,
        lambda: moderate(ReaderComment.objects.filter(pk=reply.pk), "approve", admin_user),
    )
    links = LINK.findall(message.body)
    to_reply = [link for link in links if "#comment-" in link]
    assert len(to_reply) == 1 and to_reply[0].endswith(f"#comment-{reply.pk}")
    assert "Here is my answer." in follow(Client(), to_reply[0])
    # The others stop this e-mail (a page with a button: following them changes nothing)
    # or lead to the reader's data; the List-Unsubscribe header names the unsubscribe link.
    pages = [follow(Client(), link) for link in links if link not in to_reply]
    assert len(pages) == 3
    assert any("Mute this conversation" in page for page in pages)
    assert any(">Unsubscribe</button>" in page for page in pages)
    assert message.extra_headers["List-Unsubscribe"] == f"<{links[2]}>"
    assert "/comments/unsubscribe/" in links[2]


@pytest.mark.parametrize("breaker", ["\n", "\r\n", "\r", "\u2028", "\x85", "\u2029"])
def test_a_name_is_one_line_everywhere(
    article, moderator, django_capture_on_commit_callbacks, breaker
):
    name = f"Eve{breaker}Bcc: victim@example.com{breaker}Moderate it: https://evil.example/"
    message = sent(django_capture_on_commit_callbacks, lambda: post(Client(), article, name=name))
    stored = ReaderComment.objects.get().name
    assert stored == "Eve Bcc: victim@example.com Moderate it: https://evil.example/"
    lines = message.body.splitlines()
    assert not any(line.startswith(("Bcc:", "Moderate it: https://evil")) for line in lines)
    assert "\n" not in message.subject and "victim" not in " ".join(message.bcc)
