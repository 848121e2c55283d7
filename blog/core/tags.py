"""Cache tags: names for what a page shows. Each has a version (blog.core.versioned); a copy
of anything computed from the database keeps the versions of the tags it depends on, and is
stale once one of them changes.

- ``page:<id>``: the page itself.
- ``kind:<app_label>.<model>``: any page (or comment) of that type, as cards, bylines, counts
  and links show it elsewhere.
- ``site``: what can appear on every page: menus, breadcrumbs, site settings, privacy.
- ``routes``: which page each URL leads to (blog.pagecache.routes): any page published,
  unpublished, moved or deleted changes it.
"""

SITE = "site"
ROUTES = "routes"


def page_tag(page_id):
    return f"page:{page_id}"


def kind_tag(model):
    """The tag of a model, or of a label ("wellness_blog.ArticlePage")."""
    label = model if isinstance(model, str) else model._meta.label
    return f"kind:{label.lower()}"


def touched_by_page(page_class, page_id):
    """The tags a page publishes, unpublishes, moves or deletes. A page of a type that can
    appear on every page (index pages in menus, a host site's own pages) touches the whole
    site; the wellness content types declare ``shown_site_wide = False``."""
    site_wide = getattr(page_class, "shown_site_wide", True)
    return {page_tag(page_id), ROUTES, SITE if site_wide else kind_tag(page_class)}
