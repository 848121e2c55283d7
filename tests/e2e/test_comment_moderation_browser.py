"""A reader's comment goes through moderation, in real browsers: what its writer, another
reader and the moderator see, and that markup in a comment stays text everywhere."""

import re

from playwright.sync_api import expect

from .browsing import PASSWORD, comment_on, sign_in

BODY = "The stretches from this article eased my neck after two sessions."
# Each sets window.__xss if the browser ever runs it; the <img> would also request /x.
NAME_XSS = '<img src=x onerror="window.__xss=1;alert(1)">'
BODY_XSS = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1;alert(2)">'


def record_dialogs(page, dialogs):
    """Dismiss any alert() and note its message in ``dialogs``, to assert that none opened."""

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)


def script_ran(page):
    return page.evaluate("() => window.__xss") is not None


def post_comment(page, article, name, body):
    page.goto(article.url)
    form = page.locator("#comment-form")
    form.locator('[name="name"]').fill(name)
    form.locator('[name="email"]').fill("reader@example.com")
    form.locator('[name="body"]').fill(body)
    form.get_by_role("button", name="Post comment").click()
    expect(form.locator("[data-comment-status]")).to_contain_text("awaiting moderation")


def approve_from_listing(page, text):
    """Open the queue from the menu, which shows one comment waiting, and approve it; the
    row it then has under the "Approved" tab."""
    page.get_by_role("link", name="Comments (1)").click()
    expect(page).to_have_url(re.compile(r"/admin/comments/"))
    row = page.get_by_role("row").filter(has_text=text)
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("approved")
    expect(page.get_by_role("link", name="Comments", exact=True)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=text)).to_have_count(0)  # out of the queue
    page.get_by_role("link", name=re.compile(r"^Approved")).click()
    return page.get_by_role("row").filter(has_text=text)


def test_comment_awaits_moderation_until_a_moderator_approves_it(
    new_page, article, open_discussion, moderator
):
    reader = new_page()
    post_comment(reader, article, "Ann", BODY)
    reader.reload()
    expect(comment_on(reader, BODY)).to_contain_text("Awaiting moderation")

    other_reader = new_page()
    other_reader.goto(article.url)
    expect(other_reader.locator("#comments")).to_be_visible()
    expect(comment_on(other_reader, BODY)).to_have_count(0)

    admin = new_page()
    sign_in(admin, moderator.get_username(), PASSWORD)
    row = approve_from_listing(admin, BODY)
    expect(row).to_contain_text("Approved")

    for page in (reader, other_reader):
        page.reload()
        expect(comment_on(page, BODY)).to_be_visible()
        expect(comment_on(page, BODY)).not_to_contain_text("Awaiting moderation")


def test_markup_in_a_comment_is_shown_as_text_and_never_runs(
    new_page, article, open_discussion, moderator
):
    dialogs = []
    reader = new_page()
    record_dialogs(reader, dialogs)
    post_comment(reader, article, NAME_XSS, BODY_XSS)
    expect(comment_on(reader, BODY_XSS)).to_contain_text(NAME_XSS)

    admin = new_page()
    record_dialogs(admin, dialogs)
    sign_in(admin, moderator.get_username(), PASSWORD)  # the dashboard lists the pending comment
    expect(admin.locator("#pending-comments-section")).to_contain_text(BODY_XSS)
    assert not script_ran(admin)
    row = approve_from_listing(admin, BODY_XSS)
    expect(row).to_contain_text(NAME_XSS)
    assert not script_ran(admin)

    other_reader = new_page()
    record_dialogs(other_reader, dialogs)
    other_reader.goto(article.url)
    for page in (reader, other_reader):
        page.reload()
        comment = comment_on(page, BODY_XSS)
        expect(comment).to_be_visible()
        expect(comment).to_contain_text(NAME_XSS)
        assert not script_ran(page)
    assert dialogs == []
