"""An article's body as readers get it: every block rendered, each heading with an id that
is unique in the whole article (each Markdown block numbers its own, and two blocks may both
have a "Benefits"), and the table of contents those headings make."""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# Headings carry ids from blog.core.markdown.anchor_headings: <hN ... id="slug" ...>.
HEADING_RE = re.compile(r'<h([2-6])([^>]*?)\sid="([^"]*)"([^>]*)>(.*?)</h\1>', re.DOTALL)
# An article lists its contents from this many headings on: fewer need no map.
CONTENTS_FROM = 3


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple

    @property
    def contents(self):
        """The sections and subsections (h2 and h3) to list, when there are enough."""
        listed = [heading for heading in self.headings if heading.level <= 3]
        return listed if len(listed) >= CONTENTS_FROM else []


def render_body(stream, context):
    """Render ``stream`` (an article's body) and make its headings' ids unique."""
    html = str(stream.render_as_block(context=context))
    used, headings = set(), []

    def unique(match):
        level, before, anchor, after, inner = match.groups()
        candidate, n = anchor, 1
        while candidate in used:
            n += 1
            candidate = f"{anchor}-{n}"
        used.add(candidate)
        text = " ".join(unescape(strip_tags(inner)).split())
        headings.append(Heading(int(level), candidate, text))
        return f'<h{level}{before} id="{candidate}"{after}>{inner}</h{level}>'

    html = HEADING_RE.sub(unique, html)
    return RenderedBody(mark_safe(html), tuple(headings))  # noqa: S308 (rendered blocks, ids are slugs)
