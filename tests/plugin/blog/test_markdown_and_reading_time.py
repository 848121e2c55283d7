import pytest

from blog.core.markdown import anchor_headings, render_section_markdown
from blog.models import ArticlePage
from blog.reading_time import count_words, reading_time_minutes


@pytest.mark.parametrize(
    ("words", "images", "minutes"),
    [(0, 0, 1), (1, 0, 1), (238, 0, 1), (239, 0, 2), (476, 0, 2), (477, 0, 3), (238, 1, 2)],
)
def test_reading_time_rounds_up_at_238_words_a_minute(words, images, minutes):
    assert reading_time_minutes(words, images) == minutes


def test_words_are_counted_like_a_reader_would():
    assert count_words("Don’t over-think it: pain-free isn't the goal.") == 7
    assert count_words("") == 0


@pytest.mark.django_db
def test_article_reading_time_counts_text_in_every_block():
    article = ArticlePage(
        body=[
            ("markdown", "word " * 200),
            ("pull_quote", {"quote": "word " * 30, "attribution": "A"}),
        ]
    )
    assert article.compute_reading_time() == 1
    article.body = [("markdown", "word " * 200), ("markdown", "word " * 100)]
    assert article.compute_reading_time() == 2


def test_markdown_is_sanitised():
    html = render_section_markdown(
        "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html


def test_headings_get_unique_ids_and_start_below_the_title():
    html = render_section_markdown("# Intro\n\n## Detail\n\n# Intro")
    assert '<h2 id="intro">Intro</h2>' in html
    assert '<h3 id="detail">Detail</h3>' in html
    assert '<h2 id="intro-2">Intro</h2>' in html


def test_explicit_heading_ids_are_kept():
    assert anchor_headings('<h2 id="mine">Hi</h2>') == '<h2 id="mine">Hi</h2>'


@pytest.mark.django_db
def test_rendering_is_remembered_only_for_text_that_needs_no_lookups(monkeypatch):
    from blog.core import markdown

    calls = []
    real = markdown.render_markdown
    monkeypatch.setattr(markdown, "render_markdown", lambda text: calls.append(text) or real(text))
    plain = "## Plain\\n\\nSee [a site](https://example.org) and [above](#plain). 7c1f"
    linked = "See [our page](page:3). 7c1f"
    for _ in range(3):
        render_section_markdown(plain)
        render_section_markdown(linked)
    assert calls.count(plain) == 1
    assert calls.count(linked) == 3
