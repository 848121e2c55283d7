"""How the wellness pages' fields appear in Wagtail's API (the models' ``api_fields``).

These read only what the API's querysets prefetch, and use the request when there is one
(API v2 passes it; Wagtail's API v3 may not)."""

from rest_framework import serializers

from .markdown import render_section_markdown


class LinkedPageField(serializers.Field):
    """Another page as ``{"id", "title", "html_url", ...}``; ``html_url`` is null while the
    page is unpublished, as readers cannot open it."""

    def __init__(self, *, attributes=(), **kwargs):
        super().__init__(read_only=True, **kwargs)
        self.attributes = attributes

    def to_representation(self, page):
        request = self.context.get("request")
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": page.get_full_url(request) if page.live else None,
            **{name: getattr(page, name) for name in self.attributes},
        }


class LinkedPagesField(serializers.ListField):
    """A list of linked pages, in the editor's order; with ``published_only`` the
    unpublished ones are left out, as the HTML pages leave them out."""

    def __init__(self, *, published_only=False, attributes=(), **kwargs):
        super().__init__(child=LinkedPageField(attributes=attributes), read_only=True, **kwargs)
        self.published_only = published_only

    def to_representation(self, pages):
        return super().to_representation(
            [page for page in pages if page.live or not self.published_only]
        )


class TagNamesField(serializers.Field):
    """Tag names, alphabetically, from the prefetched tags (Wagtail's own TagsField
    queries the database again for each page)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class MarkdownTextField(serializers.Field):
    """A Markdown field as its source and as the sanitised HTML the site shows."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, text):
        return {"markdown": text, "html": str(render_section_markdown(text))}


class RenderedStreamField(serializers.Field):
    """A StreamField rendered to HTML with the site's own block templates."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, stream):
        return str(stream.render_as_block(context={"request": self.context.get("request")}))
