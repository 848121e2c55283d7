"""Readers' rights and safety, in real browsers: confirming and editing one's comment,
readers reporting one, a comment in crisis, and a therapist answering a reader."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate
from blog.core.permissions import THERAPISTS
from blog.models import AuthorPage

from ..comments import make_comment
from .browsing import PASSWORD, comment_on, sign_in

CRISIS = "Some nights I think about ending my life, and the pain makes it worse."


def write_comment(page, article, body, email="reader@example.com"):
    page.goto(article.url)
    form = page.locator("#comment-form")
    form.locator('[name="name"]').fill("Rowan")
    form.locator('[name="email"]').fill(email)
    form.locator('[name="body"]').fill(body)
    form.get_by_role("button", name="Post comment").click()
    return form.locator("[data-comment-status]")


def link_in_last_mail(to, contains):
    message = [m for m in mail.outbox if m.to == [to]][-1]
    url = next(u for u in re.findall(r"https?://\S+", message.body) if contains in u)
    return "/" + url.split("/", 3)[3]  # the same path on the live server


def test_a_reader_confirms_by_email_edits_and_sees_the_edit_held(
    new_page, article, open_discussion, admin_user
):
    open_discussion.require_confirmation = True
    open_discussion.save()
    reader = new_page()
    status = write_comment(reader, article, "My first words here.")
    expect(status).to_contain_text("check your e-mail")

    reader.goto(link_in_last_mail("reader@example.com", "/confirm/"))
    expect(reader.get_by_role("heading", name="Confirm your comment")).to_be_visible()
    reader.get_by_role("button", name="Yes, confirm my comment").click()
    expect(comment_on(reader, "My first words here.")).to_contain_text("Awaiting moderation")

    comment = ReaderComment.objects.get()
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    reader.reload()
    comment_on(reader, "My first words here.").get_by_role("link", name="Change or remove").click()
    reader.get_by_label("Your comment").fill("My first words, corrected.")
    reader.get_by_role("button", name="Save the change").click()
    held = comment_on(reader, "My first words here.")
    expect(held).to_contain_text("Your change awaits moderation")

    other = new_page()
    other.goto(article.url)
    expect(comment_on(other, "My first words here.")).to_be_visible()
    expect(other.locator("#comments")).not_to_contain_text("corrected")


def test_two_readers_report_a_comment_and_it_moves_to_the_moderators(
    new_page, article, open_discussion, moderator, settings
):
    # Two readers behind the documented proxy, told apart by their own addresses.
    settings.WELLNESS_TRUSTED_PROXIES = 1
    open_discussion.hide_after_reports = 2
    open_discussion.save()
    make_comment(article, name="Troll", body="Massage is a scam and you are all fools.")
    for address in ("203.0.113.1", "203.0.113.2"):
        reader = new_page()
        reader.set_extra_http_headers({"X-Forwarded-For": address})
        reader.goto(article.url)
        troll = comment_on(reader, "Massage is a scam")
        troll.get_by_role("link", name=re.compile("^Report")).click()
        reader.get_by_label("Abusive or hateful").check()
        reader.get_by_role("button", name="Send the report").click()
        expect(reader.get_by_role("heading", name="Thank you for your report")).to_be_visible()

    later = new_page()
    later.goto(article.url)
    expect(later.locator("#comments")).not_to_contain_text("Massage is a scam")

    admin = new_page()
    sign_in(admin, moderator.get_username(), PASSWORD)
    admin.goto("/admin/comments/?reported=on&status=")
    row = admin.get_by_role("row").filter(has_text="Massage is a scam")
    expect(row).to_contain_text("Reported 2 times")
    expect(row).to_contain_text("Abusive or hateful (2)")


def test_a_comment_in_crisis_shows_support_and_leads_the_queue(
    new_page, article, open_discussion, moderator
):
    make_comment(article, status=ReaderComment.Status.PENDING, body="An ordinary question.")
    reader = new_page()
    status = write_comment(reader, article, CRISIS)
    expect(status).to_contain_text("Thank you for telling us")
    support = comment_on(reader, CRISIS).get_by_role("alert")
    expect(support).to_contain_text("You are not alone")
    expect(support.get_by_role("link", name="findahelpline.com")).to_be_visible()

    admin = new_page()
    sign_in(admin, moderator.get_username(), PASSWORD)
    admin.get_by_role("link", name=re.compile(r"^Comments \(2\)")).click()
    first = admin.get_by_role("row").nth(1)  # the header row comes first
    expect(first).to_contain_text(CRISIS[:40])
    expect(first).to_contain_text("Urgent")


@pytest.fixture
def therapist(author, open_discussion):
    """The article's author, a therapist whose site lets authors moderate their articles."""
    user = get_user_model().objects.create_user(
        "maren", "maren@clinic.example", PASSWORD, first_name="Maren"
    )
    user.groups.add(Group.objects.get(name=THERAPISTS))
    AuthorPage.objects.filter(pk=author.pk).update(user=user)
    open_discussion.authors_moderate_own = True
    open_discussion.save()
    return user


def test_a_therapist_replies_from_the_listing_and_the_reader_sees_the_author_badge(
    new_page, article, therapist
):
    make_comment(article, name="Ann", body="Can I do this at home between sessions?")
    admin = new_page()
    sign_in(admin, "maren", PASSWORD)
    admin.get_by_role("link", name="Comments", exact=True).click()
    admin.get_by_role("link", name=re.compile(r"^Approved")).click()
    row = admin.get_by_role("row").filter(has_text="between sessions")
    row.locator("summary").click()  # the full comment, with the reply link
    row.get_by_role("link", name="Reply").click()
    admin.get_by_label("Your reply").fill("Yes: two minutes a day with a soft ball is plenty.")
    admin.get_by_role("button", name="Publish the reply").click()
    expect(admin.locator(".messages")).to_contain_text("Your reply to Ann is published")

    reader = new_page()
    reader.goto(article.url)
    reply = reader.locator("#comments .comment--author")
    expect(reply).to_contain_text("Author")
    expect(reply.get_by_role("link", name="Maren Oakhurst")).to_be_visible()
    expect(reply).not_to_contain_text("maren@clinic.example")
