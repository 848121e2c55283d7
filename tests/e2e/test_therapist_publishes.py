"""A therapist writes and publishes an article through the Wagtail admin, in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Workflow

from blog.core.permissions import THERAPISTS
from blog.models import ArticlePage

from ..factories import make_author, make_technique
from .browsing import sign_in

PASSWORD = "calm-hands-2024"
TITLE = "Easing tension headaches with massage"
SUMMARY = "How gentle work on the neck and shoulders can take the edge off a tension headache."
PARAGRAPH = "Most tension headaches start in the muscles of the neck."
HEADING = "What helps"
LIST_ITEMS = ["Slow pressure on the upper trapezius", "Gentle stretches between sessions"]


@pytest.fixture
def therapist(tree):
    user = get_user_model().objects.create_user(
        "maren", "maren@example.com", PASSWORD, first_name="Maren", last_name="Oakhurst"
    )
    user.groups.add(Group.objects.get(name=THERAPISTS))
    profile = make_author(tree.authors, "Maren Oakhurst", credentials="LMT", user=user)
    return user, profile


def write_markdown(page, field):
    """Type into the body's EasyMDE (CodeMirror) editor as a person would, key by key; the
    editor itself continues a list when Enter is pressed in one."""
    field.locator(".CodeMirror").click()
    keyboard = page.keyboard
    keyboard.type(PARAGRAPH)
    keyboard.press("Enter")
    keyboard.press("Enter")
    keyboard.type(f"## {HEADING}")
    keyboard.press("Enter")
    keyboard.press("Enter")
    keyboard.type(f"- {LIST_ITEMS[0]}")
    keyboard.press("Enter")  # EasyMDE starts the next item with "- " itself
    keyboard.type(LIST_ITEMS[1])
    expected = f"{PARAGRAPH}\n\n## {HEADING}\n\n- {LIST_ITEMS[0]}\n- {LIST_ITEMS[1]}"
    value = field.locator(".CodeMirror").evaluate("element => element.CodeMirror.getValue()")
    assert value == expected


def publish(page):
    """Publish is in the dropdown of the footer's action menu, unless Wagtail makes it the
    main action; open the dropdown only when the button is hidden in it."""
    actions = page.get_by_role("navigation", name=re.compile(r"^Actions")).last
    publish_button = actions.get_by_role("button", name="Publish", exact=True)
    if not publish_button.is_visible():
        actions.get_by_role("button", name="More actions").click()
    expect(publish_button).to_be_visible()
    publish_button.click()


def test_therapist_writes_and_publishes_an_article(tree, therapist, desktop_page):
    # Wagtail's migrations attach the "Moderators approval" workflow to the root page, and
    # while a workflow applies therapists must submit for moderation rather than publish
    # (blog/core/permissions.py). This test is about direct publishing, so turn workflows off.
    Workflow.objects.update(active=False)
    user, profile = therapist
    assert not user.is_superuser and not user.is_staff
    technique = make_technique(tree.techniques, "Trigger Point Therapy")
    page = desktop_page

    sign_in(page, "maren", PASSWORD)

    # From the blog index in the page explorer, add an article.
    page.goto(f"/admin/pages/{tree.blog.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_role("link", name=re.compile(r"^Article\b")).click()
    expect(page).to_have_url(
        re.compile(rf"/admin/pages/add/wellness_blog/articlepage/{tree.blog.pk}/")
    )

    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Summary")).fill(SUMMARY)

    # The therapist's own profile is already listed as the author.
    authors = page.get_by_role("region", name=re.compile(r"^Authors"))
    expect(authors.locator("[data-chooser-title]")).to_have_count(1)
    expect(authors.locator("[data-chooser-title]")).to_have_text(profile.title)
    expect(authors.locator('input[name="author_links-0-author"]')).to_have_value(str(profile.pk))

    # The body starts with one Markdown block to write in, and no error before she has.
    body = page.get_by_role("region", name=re.compile(r"^Body"))
    expect(body.locator(".CodeMirror")).to_have_count(1)
    expect(page.get_by_text("minimum number of items")).to_have_count(0)
    write_markdown(page, body)

    # Link the technique through the "Related techniques" inline panel's page chooser.
    techniques = page.get_by_role("region", name=re.compile(r"^Related techniques"))
    techniques.get_by_role("button", name="Add Technique").click()
    techniques.get_by_role("button", name="Choose a technique").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=technique.title).click()
    expect(chooser).to_be_hidden()
    expect(techniques.locator("[data-chooser-title]")).to_have_text(technique.title)

    publish(page)
    # Wagtail's autosave may already have saved a draft, turning the form into the edit
    # view, whose message differs from the create view's.
    published = re.compile(rf"Page '{re.escape(TITLE)}' (created and|has been) published\.")
    expect(page.get_by_text(published)).to_be_visible()
    page.wait_for_load_state("networkidle")  # the test and the server share one connection

    article = ArticlePage.objects.get(title=TITLE)
    assert article.live
    assert article.get_parent().pk == tree.blog.pk
    assert [link.author_id for link in article.author_links.all()] == [profile.pk]
    assert [link.technique_id for link in article.technique_links.all()] == [technique.pk]
    assert [block.block_type for block in article.body] == ["markdown"]

    # What a reader sees.
    page.goto(article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    prose = page.locator(".article__body")
    expect(prose.get_by_text(PARAGRAPH)).to_be_visible()
    expect(prose.get_by_role("listitem")).to_have_text(LIST_ITEMS)

    header = page.locator(".article__header")
    author_link = header.get_by_role("link", name=profile.title)
    expect(author_link).to_have_attribute("href", profile.url)
    expect(author_link).to_have_attribute("rel", "author")
    technique_link = header.get_by_role("link", name=technique.title)
    expect(technique_link).to_have_attribute("href", technique.url)
    related = page.get_by_role("region", name="Techniques in this article")
    expect(related.get_by_role("link", name=technique.title)).to_have_attribute(
        "href", technique.url
    )
    about = page.get_by_role("region", name="About the author")
    expect(about.get_by_role("link", name=profile.title)).to_have_attribute("href", profile.url)

    # Following the author link leads to the profile, which now lists the article.
    author_link.click()
    expect(page).to_have_url(re.compile(re.escape(profile.url) + "$"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
