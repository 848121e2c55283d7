from django import template
from wagtail.models import Site

from blog.core import versioned
from blog.core.tags import SITE

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root and its live children marked "show in menus"; the deepest item that
    contains the current page is marked current."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return {"items": [], "current": None}
    root = site.root_page
    # Kept in the cache until a page outside the wellness content types (the site's
    # sections) changes: that is what the menu is made of.
    items = versioned.remember(
        f"wellness:menu:{site.pk}",
        {SITE},
        lambda: [root, *root.get_children().live().in_menu()],
    )
    page = context.get("page")
    containing = [item for item in items if page and page.path.startswith(item.path)]
    current = max(containing, key=lambda item: item.depth, default=None)
    return {"items": items, "current": current}
