"""Site search over articles, techniques and authors, through Wagtail's search backend (the
database backend by default: SQLite's full-text index, or PostgreSQL's on PostgreSQL)."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from blog.models import ArticlePage, AuthorPage
from therapies.models import TechniquePage

SEARCHABLE_TYPES = (ArticlePage, TechniquePage, AuthorPage)
RESULTS_PER_PAGE = 10


def search_site(site, terms):
    """The live, public articles, techniques and authors of ``site`` that contain every one
    of ``terms``, best match first."""
    pages = Page.objects.live().public().in_site(site).type(*SEARCHABLE_TYPES).specific()
    return pages.search(" ".join(terms), operator="and")


def highlight(text, terms):
    """``text`` as HTML, with the words that match a search term wrapped in <mark>.
    The text is split on the matches first and each piece escaped, so neither the text
    nor a term can inject markup."""
    if not terms:
        return escape(text)
    alternatives = "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True))
    pieces = re.split(rf"\b({alternatives})\b", text, flags=re.IGNORECASE)
    # re.split puts the matches (the captured group) at the odd positions.
    return mark_safe(  # noqa: S308 (every piece is escaped)
        "".join(
            format_html("<mark>{}</mark>", piece) if index % 2 else escape(piece)
            for index, piece in enumerate(pieces)
        )
    )
