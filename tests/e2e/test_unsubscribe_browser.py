"""A reader who asked for reply e-mail gets one when a moderator approves a reply, follows its
unsubscribe link in a real browser, presses the button, and gets no more."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate

from .browsing import PASSWORD, comment_on, sign_in
from .conftest import wait_for_server
from .test_comment_moderation_browser import approve_from_listing

QUESTION = "Which stretch do you do first in the morning?"
ANSWER = "I start with the doorway stretch, then the neck rolls."
LATER = "The cat-cow pose works well for me too."


@pytest.fixture
def notifying(open_discussion):
    """Reply e-mail on offer."""
    open_discussion.notify_on_reply = True
    open_discussion.save()
    return open_discussion


def post_with_opt_in(page, article):
    page.goto(article.url)
    form = page.locator("#comment-form")
    form.locator('[name="name"]').fill("Ann")
    form.locator('[name="email"]').fill("ann@example.com")
    form.locator('[name="body"]').fill(QUESTION)
    form.get_by_label("E-mail me when someone replies to my comment").check()
    form.get_by_role("button", name="Post comment").click()
    expect(form.locator("[data-comment-status]")).to_contain_text("awaiting moderation")


def reply_in_browser(page, article, text, name):
    page.goto(article.url)
    thread = comment_on(page, QUESTION).first
    thread.get_by_role("link", name=re.compile("^Reply")).first.click()
    form = page.locator("#comment-form")
    expect(form.locator("[data-reply-banner]")).to_be_visible()
    form.locator('[name="name"]').fill(name)
    form.locator('[name="email"]').fill(f"{name.lower()}@example.com")
    form.locator('[name="body"]').fill(text)
    form.get_by_role("button", name="Post comment").click()
    expect(form.locator("[data-comment-status]")).to_contain_text("awaiting moderation")


def mail_to_reader(live_server):
    """What Ann was sent, once the live server answered everything and the mail thread
    caught up (moderators get the held-comment e-mail too)."""
    wait_for_server(live_server)
    return [message for message in mail.outbox if message.to == ["ann@example.com"]]


def test_an_unsubscribe_link_stops_further_mail(
    new_page, article, notifying, moderator, live_server
):
    reader = new_page()
    post_with_opt_in(reader, article)
    question = ReaderComment.objects.get(body=QUESTION)
    assert question.notify_replies
    moderate(ReaderComment.objects.filter(pk=question.pk), "approve", moderator)

    reply_in_browser(new_page(), article, ANSWER, "Bo")
    admin = new_page()
    sign_in(admin, moderator.username, PASSWORD)
    approve_from_listing(admin, ANSWER)
    (message,) = mail_to_reader(live_server)
    assert ANSWER in message.body
    unsubscribe = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe in message.body

    path = urlsplit(unsubscribe).path
    reader.goto(path)
    expect(reader.get_by_role("heading", level=1)).to_have_text("E-mail about replies")
    reader.get_by_role("button", name="Unsubscribe").click()
    expect(reader.get_by_role("status")).to_have_text(
        "You are unsubscribed. We will send you no more e-mail about replies to your comments."
    )
    reader.goto(path)  # the link again: nothing to do
    expect(reader.get_by_role("status")).to_have_text("You are already unsubscribed.")

    reply_in_browser(new_page(), article, LATER, "Cy")
    admin.goto("/admin/")
    row = approve_from_listing(admin, LATER)
    expect(row).to_contain_text("Approved")
    assert mail_to_reader(live_server) == [message]  # nothing more


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_readers_pages_have_no_axe_violations(new_page, article, viewport):
    from blog.comments.models import Commenter
    from blog.comments.signed_links import reader_link

    from .test_accessibility import AXE, describe_violations

    question = ReaderComment.objects.create(
        page=article, name="Ann", email="ann@example.com", body=QUESTION, status="approved"
    )
    commenter = Commenter.for_email("ann@example.com")
    urls = [
        "/comments/my-data/",
        reader_link("wellness_comments:unsubscribe", "unsubscribe", commenter),
        reader_link("wellness_comments:mute", "mute", commenter, t=question.pk),
        reader_link("wellness_comments:erase", "erase", commenter),
    ]
    page = new_page(viewport)
    for url in urls:
        page.goto(urlsplit(url).path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        violations = AXE.run(page).response["violations"]
        if violations:
            pytest.fail(describe_violations(url, violations), pytrace=False)
