"""``{% load wellness_discovery_tags %}``: search results' highlighting."""

from django import template

from .. import search

register = template.Library()


@register.filter
def highlight(text, terms):
    """Escaped ``text`` with the words matching the search ``terms`` in <mark>."""
    return search.highlight(text, terms)
