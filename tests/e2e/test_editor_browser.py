"""The article editor as a therapist sees it in a real browser."""

import io

from PIL import Image
from playwright.sync_api import expect

from blog.models import ArticlePage

from ..admin_forms import add_url
from .browsing import PASSWORD, sign_in


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
