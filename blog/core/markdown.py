"""Markdown rendering for article bodies: wagtail-markdown's sanitised HTML, with every
heading given an id so sections can be linked to, and demoted below the page's <h1>."""

import re
from collections import Counter
from functools import lru_cache
from html import unescape

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from wagtailmarkdown.utils import render_markdown

# nh3 normalises the markup it returns, so headings always look like <hN> or <hN attrs>.
HEADING_RE = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
ID_RE = re.compile(r'\sid="([^"]*)"')
# Link targets whose HTML depends on nothing but the text itself. Others (wagtail-markdown's
# "page:12", "doc:3", ...) are looked up in the database when rendered.
LINK_TARGET_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
SELF_CONTAINED_LINK = re.compile(r"(https?:|mailto:|tel:|#|$)", re.IGNORECASE)


def render_section_markdown(text, top_level=2):
    """Sanitised HTML for ``text``. Rendering Markdown is one of the costliest parts of a
    page, and the same text renders the same way, so text whose links point outside the
    site's database is rendered once per process."""
    targets = LINK_TARGET_RE.findall(text or "")
    if all(SELF_CONTAINED_LINK.match(target) for target in targets):
        return _render_section_markdown(text, top_level)
    return _render_section_markdown.__wrapped__(text, top_level)


@lru_cache(maxsize=2048)
def _render_section_markdown(text, top_level):
    html = anchor_headings(render_markdown(text), top_level)
    return mark_safe(html)  # noqa: S308 (nh3 sanitised it; ids are slugs)


def markdown_to_text(text):
    """Markdown as one line of plain text, for places that take no markup."""
    return " ".join(unescape(strip_tags(render_markdown(text))).split())


def anchor_headings(html, top_level=2):
    """Give headings unique ids and shift them so the highest is ``top_level``.

    The page title is the only <h1>; an editor who starts a section with "#" still
    gets an <h2>, keeping the heading outline screen-reader users navigate by intact.
    """
    levels = [int(level) for level, _attrs, _inner in HEADING_RE.findall(html)]
    if not levels:
        return html
    shift = max(0, top_level - min(levels))
    used = Counter()

    def replace(match):
        level = min(int(match[1]) + shift, 6)
        attrs, inner = match[2], match[3]
        if not ID_RE.search(attrs):
            slug = slugify(unescape(strip_tags(inner))) or "section"
            used[slug] += 1
            if used[slug] > 1:
                slug = f"{slug}-{used[slug]}"
            attrs = f'{attrs} id="{slug}"'
        return f"<h{level}{attrs}>{inner}</h{level}>"

    return HEADING_RE.sub(replace, html)
