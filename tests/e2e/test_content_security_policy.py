"""The production Content-Security-Policy in a real browser: a reader's article (built, then
from the page cache) and the admin's page editor (its Markdown editor, a chooser, the preview)
load with no violation reported."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.admin.admin_url_finder import AdminURLFinder

from ..factories import make_article, make_image
from ..site.production import production_settings
from .browsing import PASSWORD, sign_in

HEADER = "content-security-policy"


@pytest.fixture
def production_policy(settings):
    values = production_settings()
    settings.SECURE_CSP = values["SECURE_CSP"]
    settings.SECURE_CSP_ADMIN = values["SECURE_CSP_ADMIN"]


@pytest.fixture
def pictured_article(tree, author, technique):
    return make_article(
        tree.blog,
        "Trigger point therapy for chronic pain",
        authors=[author],
        techniques=[technique],
        image=make_image("Warm light"),
        image_alt="Warm light on a treatment table.",
        body=[("markdown", "## What it is\n\nSteady pressure on a **knot** until it lets go.")],
    )


def violations(page):
    """What the browser reports breaking the policy, in any frame of ``page``, as it comes."""
    reported = []
    page.on(
        "console",
        lambda message: (
            reported.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reported


def test_a_readers_article_breaks_no_rule(production_policy, pictured_article, desktop_page):
    page = desktop_page
    reported = violations(page)
    for _view in ("built", "from the cache"):
        response = page.goto(pictured_article.url)
        assert "script-src" not in response.headers[HEADER]  # the strict policy: 'self' only
        page.wait_for_load_state("networkidle")
        expect(page.get_by_role("img", name="Warm light on a treatment table.")).to_be_visible()
    assert response.headers["x-wellness-cache"] == "hit"
    assert reported == []


def test_the_page_editor_breaks_no_rule(
    production_policy, pictured_article, admin_user, desktop_page
):
    page = desktop_page
    reported = violations(page)
    admin_user.set_password(PASSWORD)
    admin_user.save()
    sign_in(page, admin_user.username, PASSWORD)  # the dashboard asks for Wagtail's releases
    response = page.goto(AdminURLFinder(admin_user).get_edit_url(pictured_article))
    assert "'unsafe-inline'" in response.headers[HEADER]  # the admin's own directives
    expect(page.locator(".CodeMirror").first).to_contain_text("Steady pressure")
    page.get_by_role("button", name="Choose an author").first.click()
    chooser = page.get_by_role("dialog")
    expect(chooser.get_by_role("link", name="Maren Oakhurst")).to_be_visible()
    chooser.get_by_role("button", name="Close").click()
    expect(chooser).to_be_hidden()
    page.get_by_role("button", name="Toggle preview").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(re.compile("Trigger point"))
    page.wait_for_load_state("networkidle")
    assert reported == []
