"""Parts that one app adds to another app's pages, as the blog adds "Articles about this
technique" to technique pages without the techniques knowing about articles.

A page type names a Wagtail hook; each function registered under it returns a
``PageSection``. The page asks every section for its context when it is shown, attaches
every picture of every section in one go, and renders each with its own template."""

from wagtail import hooks

from .tags import kind_tag


class PageSection:
    #: Renders the section from ``section`` (what ``get_context`` returned) and ``page``.
    template_name = None
    #: The page types the section shows (labels), for the page's cache tags.
    cache_shows = ()

    def get_context(self, request, page):
        """What the template shows. ``image_slots``, (object, image field) pairs, get
        renditions of ``image_sets`` with the rest of the page's pictures."""
        return {}


def sections(hook_name):
    return [register() for register in hooks.get_hooks(hook_name)]


def section_tags(hook_name):
    return {kind_tag(label) for section in sections(hook_name) for label in section.cache_shows}
