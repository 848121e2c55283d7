"""What search engines, link previews and on-site search show for a page."""

from wagtail.models import Page, Site


class PageMetadataMixin:
    """Gives a page type a teaser, a meta description and a preview picture; the editor's
    Promote-tab description wins over the teaser."""

    #: The field holding the page's own one- or two-sentence summary.
    teaser_field = "summary"
    #: Open Graph's og:type: "article", "profile" or "website".
    open_graph_type = "website"

    @property
    def teaser(self):
        return getattr(self, self.teaser_field)

    @property
    def meta_description(self):
        return self.search_description or self.teaser

    @property
    def meta_image(self):
        return getattr(self, "image", None)

    @property
    def meta_image_alt(self):
        return getattr(self, "image_alt", "")


def live_ancestors(page, request):
    """The live pages above ``page``, below the tree's root, top first: for the breadcrumb
    trail and links up, on any page (a host site's own too). Remembered on the page; when
    the only one is the site's root page, which routing has loaded already, no query."""
    if not hasattr(page, "_wellness_live_ancestors"):
        step = Page.steplen
        paths = [page.path[:end] for end in range(2 * step, len(page.path), step)]
        site = Site.find_for_request(request)
        if site is not None and paths == [site.root_page.path]:
            page._wellness_live_ancestors = [site.root_page] if site.root_page.live else []
        else:
            ancestors = page.get_ancestors().live().filter(depth__gt=1)
            page._wellness_live_ancestors = list(ancestors)
    return page._wellness_live_ancestors
