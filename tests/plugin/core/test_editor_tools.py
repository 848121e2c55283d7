"""The editor speaks a therapist's language: choosers named for what they choose, a body
ready to write in, the submit button in front, and a table of contents for long articles."""

import re

import pytest
from django.urls import reverse

from blog.models import ArticlePage

from ...admin_forms import add_url
from ...factories import make_article


@pytest.fixture
def new_article_form(client, therapist, tree):
    client.force_login(therapist)
    response = client.get(add_url(ArticlePage, tree.blog))
    assert response.status_code == 200
    return response.content.decode()


def test_new_article_opens_with_one_markdown_block_and_no_error(new_article_form):
    assert "minimum number of items" not in new_article_form
    assert "error-message" not in new_article_form
    # The body's stream data carries one Markdown block, ready to type in.
    assert '\\"type\\": \\"markdown\\"' in new_article_form or "&quot;markdown&quot;" in (
        new_article_form
    )


def test_choosers_say_what_they_choose(new_article_form):
    assert "Choose an author" in new_article_form
    assert "Choose a technique" in new_article_form
    assert "Choose a page" not in new_article_form


def action_buttons(content):
    """The footer's actions in order, the first being its main button ("Save draft" is the
    one without a name)."""
    footer = content.split('aria-label="Actions (footer)"', 1)[1].split("</nav>", 1)[0]
    found = re.findall(r'name="(action-[a-z-]+)"|class="button (action-save)\b', footer)
    return [name or save for name, save in found]


def test_submit_for_review_is_the_main_button_for_a_therapist(new_article_form):
    actions = action_buttons(new_article_form)
    assert actions[:2] == ["action-submit", "action-save"]
    assert "action-publish" not in actions


def test_admins_keep_their_main_button(admin_client, tree):
    content = admin_client.get(add_url(ArticlePage, tree.blog)).content.decode()
    assert action_buttons(content)[0] == "action-save"


def choose_page(client, *page_types):
    url = reverse("wagtailadmin_choose_page")
    return client.get(url, {"page_type": ",".join(page_types)}).content.decode()


def test_a_chooser_for_one_type_shows_no_type_warning(admin_client, tree):
    content = choose_page(admin_client, "wellness_blog.authorpage")
    assert "may be chosen for this field" not in content


def test_a_chooser_for_several_types_still_warns(admin_client, tree):
    content = choose_page(admin_client, "wellness_blog.authorpage", "wellness_blog.articlepage")
    assert "Only the following page types may be chosen" in content


LONG_BODY = [
    ("markdown", "## Benefits\n\nOne.\n\n## How it works\n\nTwo."),
    ("markdown", "## Benefits\n\nThree.\n\n### Safety & risks\n\nFour."),
]


def test_contents_lists_headings_with_ids_unique_across_blocks(client, tree, author):
    article = make_article(tree.blog, "Long read", authors=[author], body=LONG_BODY)
    content = client.get(article.url).content.decode()
    ids = re.findall(r'<h[23][^>]* id="([^"]+)"', content)
    assert len(ids) == len(set(ids))
    assert 'id="benefits"' in content and 'id="benefits-2"' in content
    contents = content.split('class="contents"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#([^"]+)"', contents) == [
        "benefits",
        "how-it-works",
        "benefits-2",
        "safety-risks",
    ]
    assert "Safety &amp; risks" in contents


def test_no_contents_for_a_short_article_or_when_turned_off(client, tree, author):
    short = make_article(tree.blog, "Short", authors=[author], body=[("markdown", "## One\n\nx")])
    assert 'class="contents"' not in client.get(short.url).content.decode()
    off = make_article(tree.blog, "Off", authors=[author], body=LONG_BODY, show_contents=False)
    assert 'class="contents"' not in client.get(off.url).content.decode()
