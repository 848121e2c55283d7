"""Parts of a page kept rendered until what they show changes.

A page built for one request (an editor, a reader with something of their own on it, a site
without the page cache) still shows mostly what every reader sees: the article, its cards,
its comments. Those parts are kept as HTML under the versions of the page's cache tags
(blog.core.versioned), exactly as the page cache keeps whole pages: a publish, an approval or
a site change makes them stale, and the next view renders them afresh. What the part needs
from the database is computed lazily (``lazy_parts``), so a kept part costs no queries.
"""

import hashlib

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from . import versioned
from .conf import wellness_settings

PREFIX = "wellness:fragment:"


def may_keep(request, page):
    """Whether parts of ``page`` may be kept for this request: never for previews, whose
    unsaved changes would be kept as if published, nor for pages that say nothing of what
    they show (no ``cache_tags``)."""
    return (
        wellness_settings.FRAGMENT_CACHE
        and request is not None
        and page is not None
        and page.pk is not None
        and hasattr(page, "cache_tags")
        and not getattr(request, "is_preview", False)
    )


def fragment_key(request, page, name, vary=()):
    """One key per part, page, address (links in it are absolute where they must be), and
    language; ``vary`` names anything else the part depends on (a page of comments, say)."""
    parts = [
        name,
        str(page.pk),
        request.scheme,
        request.get_host(),
        translation.get_language() or "",
        *map(str, vary),
    ]
    return PREFIX + hashlib.sha256("\0".join(parts).encode()).hexdigest()


def render(request, page, name, render_part, vary=()):
    """The part's HTML: kept, or ``render_part()`` and kept."""
    if not may_keep(request, page):
        return render_part()
    html = versioned.remember(
        fragment_key(request, page, name, vary),
        page.cache_tags(),
        lambda: str(render_part()),
        versioned.time_left(page, request),
    )
    return mark_safe(html)  # noqa: S308 (HTML the templates rendered and escaped)


def lazy_parts(compute, names):
    """Context variables computed together, on first use: ``compute()`` returns a dict
    holding ``names``. A template whose kept fragments use them never calls it."""
    computed = {}

    def value(name):
        if not computed:
            computed[None] = None  # computing: a part that needs itself is a mistake
            computed.update(compute())
        elif None in computed and name not in computed:
            raise RuntimeError(f"{name!r} was used while it was being computed")
        return computed[name]

    return {name: SimpleLazyObject(lambda name=name: value(name)) for name in names}
