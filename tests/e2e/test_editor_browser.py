"""The article editor as a therapist sees it in a real browser."""

import io
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import expect
from wagtail.admin.views.pages.create import CreateView

from blog.models import ArticlePage, AuthorPage

from ..admin_forms import add_url
from ..factories import make_article
from .browsing import PASSWORD, sign_in
from .conftest import wait_for_server


def drawn_pixels(png):
    """How many pixels of a screenshot differ clearly from its commonest colour: 0 for a
    blank button."""
    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    background = max(range(256), key=histogram.__getitem__)
    return sum(count for level, count in enumerate(histogram) if abs(level - background) > 60)


def test_the_markdown_toolbar_shows_a_glyph_on_every_button(tree, therapist, desktop_page):
    page = desktop_page
    therapist.set_password(PASSWORD)
    therapist.save()
    sign_in(page, therapist.username, PASSWORD)
    page.goto(add_url(ArticlePage, tree.blog))
    buttons = page.locator(".editor-toolbar button")
    expect(buttons.first).to_be_visible()
    blank = [
        button.get_attribute("title")
        for button in buttons.all()
        if button.is_visible() and drawn_pixels(button.screenshot()) < 12
    ]
    assert len(buttons.all()) >= 10
    assert blank == []


REFERENCE_TITLE = "Trigger point therapy for chronic pain"
REFERENCE_BODY = [
    "Trigger points are tight knots in a muscle that send pain elsewhere.",
    "## What is trigger point therapy?",
    "Steady pressure on the knot until it lets go.",
    "## Benefits",
    "- **Pain relief:** the referred pain eases",
    "**Better movement:** stiff joints move again",  # EasyMDE continues the list itself
    "",
    "## Conclusion",
    "Ask a licensed therapist whether it suits you.",
]


def write_reference_article(page, technique):
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(REFERENCE_TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Summary")).fill("What it is and who it helps.")
    techniques = page.get_by_role("region", name=re.compile(r"^Related techniques"))
    techniques.get_by_role("button", name="Add Technique").click()
    techniques.get_by_role("button", name="Choose a technique").click()
    chooser = page.get_by_role("dialog")
    expect(chooser).not_to_contain_text("may be chosen for this field")
    chooser.get_by_role("link", name=technique.title).click()
    expect(chooser).to_be_hidden()
    body = page.get_by_role("region", name=re.compile(r"^Body"))
    body.locator(".CodeMirror").click()
    for n, line in enumerate(REFERENCE_BODY):
        if n:
            page.keyboard.press("Enter")
            if not line.startswith(("-", "**")) and REFERENCE_BODY[n - 1] != "":
                page.keyboard.press("Enter")
        page.keyboard.type(line)


@pytest.fixture
def busy_server(monkeypatch):
    """A server under load: creating a page takes a second, so the submit and the editor's
    autosave (half a second after the last key) are answered while the other is in flight."""
    post = CreateView.post

    def slow_post(view, request, *args, **kwargs):
        time.sleep(1)
        return post(view, request, *args, **kwargs)

    monkeypatch.setattr(CreateView, "post", slow_post)


@pytest.mark.parametrize("pause", [0, 0.6, 1.2], ids=["at-once", "mid-autosave", "a-second-on"])
def test_a_therapist_writes_and_submits_an_article_however_fast_she_clicks(
    tree, therapist, technique, new_page, live_server, busy_server, pause
):
    therapist.set_password(PASSWORD)
    therapist.save()
    profile = AuthorPage.objects.get(user=therapist)
    page = new_page()
    sign_in(page, therapist.username, PASSWORD)
    page.goto(add_url(ArticlePage, tree.blog))
    authors = page.get_by_role("region", name=re.compile(r"^Authors"))
    expect(authors.locator("[data-chooser-title]")).to_have_text(profile.title)  # herself
    write_reference_article(page, technique)
    page.wait_for_timeout(pause * 1000)  # autosave runs half a second after the last key
    actions = page.get_by_role("navigation", name=re.compile(r"^Actions"))
    actions.get_by_role("button", name=re.compile(r"^Submit to ")).click()
    expect(page.get_by_text(re.compile(r"submitted for moderation"))).to_be_visible()
    expect(page.get_by_text(re.compile("could not be|already in use"))).to_have_count(0)
    wait_for_server(live_server)  # the autosave too, if it was still on its way
    (article,) = ArticlePage.objects.all()
    assert article.title == REFERENCE_TITLE and not article.live
    assert [link.author_id for link in article.author_links.all()] == [profile.pk]
    assert [link.technique_id for link in article.technique_links.all()] == [technique.pk]
    assert article.workflow_in_progress


def test_a_moderator_approves_a_submitted_article_from_the_dashboard(
    tree, therapist, author, moderator, new_page
):
    article = make_article(tree.blog, REFERENCE_TITLE, authors=[author], live=False)
    article.get_workflow().start(article, therapist)
    page = new_page()
    sign_in(page, moderator.username, PASSWORD)  # lands on the dashboard
    review = page.get_by_role("region", name=re.compile("Awaiting your review"))
    row = review.get_by_role("row").filter(has_text=REFERENCE_TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard comes back without it; Wagtail says nothing more.
    expect(page.get_by_role("region", name=re.compile("Awaiting your review"))).to_have_count(0)
    article.refresh_from_db()
    assert article.live
