"""The blocks an article body is made of."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtailmarkdown.blocks import MarkdownBlock

from blog.core.markdown import render_section_markdown
from therapies.widgets import TechniqueChooser


class SectionMarkdownBlock(MarkdownBlock):
    """Markdown text; its headings get anchors and sit below the article title."""

    def render_basic(self, value, context=None):
        return render_section_markdown(value)

    class Meta:
        icon = "doc-full"
        label = _("Markdown")
        help_text = _('Start sections with "## Heading". Lists, bold, links and tables work.')


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "wellness_blog/blocks/captioned_image.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=400)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "wellness_blog/blocks/pull_quote.html"


class TechniqueChooserBlock(blocks.PageChooserBlock):
    """A technique, chosen with a chooser that says so."""

    @cached_property
    def widget(self):
        return TechniqueChooser()


class TechniqueCalloutBlock(blocks.StructBlock):
    technique = TechniqueChooserBlock(
        label=_("Technique"), page_type="wellness_therapies.TechniquePage"
    )
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_("Optional: why this technique matters to the article."),
    )

    class Meta:
        icon = "link"
        label = _("Technique callout")
        template = "wellness_blog/blocks/technique_callout.html"

    def get_stored_searchable_content(self, stored):
        """The words a reader may find the article by, from the value as stored: the note.
        The technique is a page indexed on its own, so it need not be fetched."""
        return self.child_blocks["note"].get_searchable_content(stored.get("note") or "")


class ArticleBodyBlock(blocks.StreamBlock):
    markdown = SectionMarkdownBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    technique_callout = TechniqueCalloutBlock()

    class Meta:
        block_counts = {"markdown": {"min_num": 1}}

    def get_searchable_content(self, value):
        """As Wagtail's, but a block that can say its words from the value as stored
        (``get_stored_searchable_content``) does so: indexing an article then fetches none
        of the pages its blocks choose, one query an article in every ``update_index``."""
        if not self.search_index:
            return []
        content = []
        for position, stored in enumerate(value.raw_data):
            block = self.child_blocks[stored["type"]]
            if hasattr(block, "get_stored_searchable_content"):
                content.extend(block.get_stored_searchable_content(stored["value"]))
            else:
                content.extend(block.get_searchable_content(value[position].value))
        return content
