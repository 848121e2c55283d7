"""axe-core finds no accessibility violations on the public pages, at phone and desktop
widths, and keyboard users can skip straight to the content."""

import functools
import io
import re
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.images import ImageFile
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.models import Page

from blog.models import AuthorSpecialty
from config.demo import artwork
from therapies.models import TechniqueReference

from ..factories import make_article, make_author, make_technique

AXE = Axe()


# Drawing the pictures is slow and every test builds its pages afresh: draw each once.
hero_jpeg = functools.cache(artwork.hero)
portrait_jpeg = functools.cache(artwork.portrait)


def make_image(title, data):
    Image = get_image_model()
    name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") + ".jpg"
    image = Image(title=title, file=ImageFile(io.BytesIO(data), name=name))
    image.save()
    return image


def hero_picture(seed):
    return make_image(f"{seed} (illustration)", hero_jpeg(seed, size=(1200, 675)))


def body_image(seed, alt_text):
    """An image as an ImageBlock value: the image with its alt text for this use."""
    image = hero_picture(seed)
    image.contextual_alt_text = alt_text
    image.decorative = False
    return image


@pytest.fixture
def content(tree):
    """Pages with every component the templates can show."""
    tree.blog.intro = "Plain-language articles about massage and manual therapy."
    tree.blog.save_revision().publish()
    Page.objects.filter(pk__in=[tree.techniques.pk, tree.authors.pk]).update(show_in_menus=True)

    trigger_point = make_technique(
        tree.techniques,
        "Trigger Point Therapy",
        image=hero_picture("trigger-point-therapy"),
        image_alt="Soft circles of green and peach light.",
        evidence="Studies are **small** and results are mixed.",
        benefits=[
            ("Pain relief", "Many people report less intense pain after treatment."),
            ("Increased mobility", "Guarded movements may become easier."),
        ],
    )
    TechniqueReference.objects.create(
        page=trigger_point,
        citation="Quintner JL, Bove GM, Cohen ML. A critical evaluation of the trigger point "
        "phenomenon. Rheumatology (Oxford). 2015;54(3):392-399.",
        doi="10.1093/rheumatology/keu471",
    )
    TechniqueReference.objects.create(
        page=trigger_point,
        citation="Simons DG, Travell JG, Simons LS. Myofascial Pain and Dysfunction. 1999.",
        url="https://example.org/travell-simons",
    )
    myofascial = make_technique(
        tree.techniques,
        "Myofascial Release",
        image=hero_picture("myofascial-release"),
        image_alt="Blurred shapes in blue and sage.",
    )

    maren = make_author(
        tree.authors,
        "Maren Oakhurst",
        credentials="LMT, NCTMB",
        image=make_image("Maren Oakhurst", portrait_jpeg("Maren Oakhurst", "#2a6b58", 480)),
        long_bio="## Training\n\nMaren trained in Portland.\n\n## Practice\n\nShe works with "
        "people who have **chronic pain**.",
    )
    AuthorSpecialty.objects.create(page=maren, technique=trigger_point)
    AuthorSpecialty.objects.create(page=maren, technique=myofascial)
    jonah = make_author(
        tree.authors,
        "Jonah Whitlowe",
        credentials="PT, DPT",
        image=make_image("Jonah Whitlowe", portrait_jpeg("Jonah Whitlowe", "#3b5b8c", 480)),
    )

    article = make_article(
        tree.blog,
        "Trigger point therapy for chronic pain",
        authors=[maren, jonah],
        techniques=[trigger_point, myofascial],
        tags=["chronic pain", "trigger points"],
        image=hero_picture("trigger-point-article"),
        image_alt="Overlapping circles of soft green light.",
        body=[
            (
                "markdown",
                "## Introduction\n\nChronic pain is common, and often lives in the muscles."
                "\n\n## Benefits\n\n- **Pain relief:** pressure eases pain.\n"
                "- **Mobility:** knots release.\n\n| Week | Sessions |\n|---|---|\n| 1 | 2 |",
            ),
            (
                "pull_quote",
                {"quote": "Strong but tolerable pressure that eases.", "attribution": "Maren"},
            ),
            ("technique_callout", {"technique": trigger_point, "note": "How a session works."}),
            (
                "image",
                {
                    "image": body_image("trigger-point-body", "A therapist's hands at work."),
                    "caption": "Steady pressure for up to a minute.",
                },
            ),
            ("markdown", "## Conclusion\n\nIt helps some people. [Read more](#introduction)."),
        ],
    )
    others = [
        make_article(
            tree.blog,
            "Desk-bound: easing neck tension",
            authors=[maren],
            techniques=[trigger_point],
            tags=["desk work"],
            image=hero_picture("desk-bound"),
        ),
        make_article(tree.blog, "What to expect at your first massage", authors=[jonah]),
    ]
    return SimpleNamespace(
        blog=tree.blog,
        techniques=tree.techniques,
        authors=tree.authors,
        article=article,
        others=others,
        technique=trigger_point,
        author=maren,
    )


PAGES = {
    "blog index": lambda content: content.blog.url,
    "blog index filtered by tag": lambda content: f"{content.blog.url}?tag=chronic-pain",
    "article": lambda content: content.article.url,
    "technique": lambda content: content.technique.url,
    "author": lambda content: content.author.url,
    "authors index": lambda content: content.authors.url,
    "techniques index": lambda content: content.techniques.url,
}


def describe_violations(url, violations):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            for summary_line in node.get("failureSummary", "").splitlines():
                lines.append(f"    {summary_line}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(content, any_page, name):
    page = any_page
    url = PAGES[name](content)
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    # Wait for the images (some are lazy) so axe sees the page as a reader does.
    page.wait_for_load_state("networkidle")
    results = AXE.run(page)
    violations = results.response["violations"]
    if violations:
        pytest.fail(describe_violations(url, violations), pytrace=False)


def test_stylesheets_load(content, desktop_page):
    """axe's contrast checks mean little without the CSS: make sure the live server serves it."""
    page = desktop_page
    stylesheets = []
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "stylesheet" and stylesheets.append(response)
        ),
    )
    page.goto(content.article.url)
    assert sorted(response.url.rsplit("/static/", 1)[-1] for response in stylesheets) == [
        "css/site.css",
        "wellness/wellness.css",
    ]
    assert all(response.status == 200 for response in stylesheets)
    # One rule from each stylesheet is in effect.
    expect(page.locator("body")).to_have_css("background-color", "rgb(251, 250, 246)")
    expect(page.locator(".pull-quote")).to_have_css("border-left-style", "solid")
    # And uploaded images are served too.
    hero = page.locator(".article__hero img")
    expect(hero).to_have_js_property("complete", True)
    assert hero.evaluate("image => image.naturalWidth") > 0


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(content, any_page):
    page = any_page
    page.goto(content.article.url)
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    main = page.get_by_role("main")
    expect(main).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_article_page_shows_every_component(content, desktop_page):
    """Guards the accessibility tests: the article really has what they are meant to check."""
    page = desktop_page
    page.goto(content.article.url)
    for selector in [
        ".article__hero img",
        ".byline__photo >> nth=1",
        ".pull-quote",
        ".technique-callout",
        ".body-figure figcaption",
        ".tag-list .tag >> nth=1",
        ".related-techniques .card >> nth=1",
        ".about-authors .author-card__photo >> nth=1",
        ".prose table",
    ]:
        expect(page.locator(selector)).to_be_attached()
