"""A moderator clears the queue in a real browser: with the buttons and the keyboard, every
click and key counted, and undoes what they did by mistake."""

import re

import pytest
from playwright.sync_api import expect

from blog.comments.models import ReaderComment

from .browsing import PASSWORD, sign_in

Status = ReaderComment.Status
SPAM = "Cheap pills, fast delivery"
LAPTOP = {"width": 1440, "height": 900}


class Counted:
    """The moderator's clicks and key presses, each counted."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def press(self, key):
        """A key in the queue, once its script has marked the current row."""
        expect(self.page.locator("#listing-results tr.wellness-current")).to_have_count(1)
        self.count += 1
        self.page.keyboard.press(key)


@pytest.fixture
def queue_of_20(article):
    """20 comments awaiting moderation, 5 of them spam, spread through the queue."""
    spam_at = {2, 6, 9, 13, 17}
    for n in range(20):
        body = f"{SPAM} #{n}" if n in spam_at else f"Comment {n}: the stretches helped me."
        ReaderComment.objects.create(
            page=article, name=f"Reader {n}", email=f"reader{n}@example.com", body=body
        )


@pytest.fixture
def admin_page(new_page, moderator):
    page = new_page()
    page.set_viewport_size(LAPTOP)
    sign_in(page, moderator.username, PASSWORD)  # the dashboard: the admin, opened
    return page


def rows(page):
    return page.locator("#listing-results tbody tr")


def statuses():
    spam = ReaderComment.objects.filter(body__startswith=SPAM)
    others = ReaderComment.objects.exclude(body__startswith=SPAM)
    return set(spam.values_list("status", flat=True)), set(others.values_list("status", flat=True))


def test_twenty_comments_fit_a_laptop_screen(queue_of_20, admin_page):
    page = admin_page
    page.get_by_role("link", name="Comments (20)").click()
    expect(rows(page)).to_have_count(20)
    fully_shown = [
        box
        for box in (row.bounding_box() for row in rows(page).all())
        if box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"]
    ]
    assert len(fully_shown) == 20
    table = page.locator("#listing-results table").bounding_box()
    assert table["x"] + table["width"] <= LAPTOP["width"]  # the buttons are not cut off


def test_clearing_twenty_comments_takes_eight_clicks(queue_of_20, admin_page):
    page = admin_page
    moderator = Counted(page)
    moderator.click(page.get_by_role("link", name="Comments (20)"))
    for n in range(5):
        row = rows(page).filter(has_text=SPAM).first
        moderator.click(row.get_by_role("button", name="Spam"))
        expect(page.get_by_text("You marked 1 comment as spam.")).to_be_visible()
        expect(rows(page)).to_have_count(19 - n)
    moderator.click(page.get_by_role("checkbox", name=re.compile("Select all")).first)
    expect(page.get_by_text("All 15 comments on this screen selected")).to_be_visible()
    moderator.click(page.locator("[data-bulk-action-footer]").get_by_role("link", name="Approve"))
    expect(page.get_by_text("15 comments approved.")).to_be_visible()
    expect(page.get_by_text("You approved 15 comments.")).to_be_visible()
    assert statuses() == ({Status.SPAM}, {Status.APPROVED})
    assert moderator.count == 8
    expect(page.get_by_role("link", name="Comments", exact=True)).to_be_visible()  # none left


def test_moderating_with_the_keyboard_and_undoing_a_mistake(article, admin_page):
    for n, body in enumerate(["First, fine.", f"{SPAM} #1", "Third, fine."]):
        ReaderComment.objects.create(
            page=article, name=f"Reader {n}", email=f"r{n}@example.com", body=body
        )
    page = admin_page
    page.goto("/admin/")  # opening the admin now there are comments
    moderator = Counted(page)
    moderator.click(page.get_by_role("link", name="Comments (3)"))
    # Newest first: "Third", the spam, "First"; the first row is the current one.
    expect(rows(page).first).to_have_class(re.compile("wellness-current"))
    moderator.press("a")  # approves "Third, fine."
    expect(page.get_by_text("You approved 1 comment.")).to_be_visible()
    expect(rows(page).first).to_contain_text(SPAM)
    moderator.press("a")  # a mistake: approves the spam
    expect(page.get_by_text("You approved 1 comment.")).to_be_visible()
    moderator.press("u")  # undo
    expect(page.get_by_text("Undone: 1 comment is back as it was.")).to_be_visible()
    expect(rows(page).filter(has_text=SPAM)).to_have_count(1)
    moderator.press("s")  # the spam is current again
    expect(page.get_by_text("You marked 1 comment as spam.")).to_be_visible()
    moderator.press("o")  # the full comment opens on the current row
    expect(rows(page).first.locator("details")).to_have_attribute("open", "")
    moderator.press("a")
    expect(page.get_by_text("You approved 1 comment.")).to_be_visible()
    assert statuses() == ({Status.SPAM}, {Status.APPROVED})
    assert moderator.count == 7


def test_view_in_context_opens_the_article_with_the_comment_marked(article, admin_page):
    ReaderComment.objects.create(
        page=article, name="Ann", email="ann@example.com", body="Does this help with knots?"
    )
    page = admin_page
    page.goto("/admin/")
    page.get_by_role("link", name="Comments (1)").click()
    expect(rows(page).first).to_have_class(re.compile("wellness-current"))
    with page.context.expect_page() as opened:
        page.keyboard.press("v")
    article_page = opened.value
    marked = article_page.locator(".comment--in-context")
    expect(marked).to_contain_text("Does this help with knots?")
    expect(marked).to_contain_text("The comment you are moderating: Pending")
    expect(marked).to_be_in_viewport()
