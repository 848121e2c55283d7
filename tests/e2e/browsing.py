"""What the browser tests do as people do: sign in to the admin, find a comment on a page."""

import re

from playwright.sync_api import expect

# The password of the accounts the browser tests sign in with.
PASSWORD = "quiet-room-2024"


def sign_in(page, username, password):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def comment_on(page, text):
    return page.locator("#comments .comment").filter(has_text=text)
