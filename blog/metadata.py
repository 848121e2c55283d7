"""What search engines, link previews and on-site search show for a page."""


class PageMetadataMixin:
    """Gives a page type a teaser, a meta description and a preview picture, read from the
    fields the class names; the editor's Promote-tab description wins over the teaser."""

    teaser_field = "summary"
    image_field = None
    image_alt_field = None
    # Open Graph's og:type: "article", "profile" or "website".
    open_graph_type = "website"

    @property
    def teaser(self):
        """The page's own one- or two-sentence summary."""
        return getattr(self, self.teaser_field)

    @property
    def meta_description(self):
        return self.search_description or self.teaser

    @property
    def meta_image(self):
        return getattr(self, self.image_field) if self.image_field else None

    @property
    def meta_image_alt(self):
        return getattr(self, self.image_alt_field) if self.image_alt_field else ""
