"""The blocks an article body is made of."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtailmarkdown.blocks import MarkdownBlock

from .markdown import render_section_markdown


class SectionMarkdownBlock(MarkdownBlock):
    """Markdown text; its headings get anchors and sit below the article title."""

    def render_basic(self, value, context=None):
        return render_section_markdown(value)

    class Meta:
        icon = "doc-full"
        label = "Markdown"
        help_text = 'Start sections with "## Heading". Lists, bold, links and tables work.'


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image with caption"
        template = "blog/blocks/captioned_image.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=400)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blog/blocks/pull_quote.html"


class TechniqueCalloutBlock(blocks.StructBlock):
    technique = blocks.PageChooserBlock(page_type="therapies.TechniquePage")
    note = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Optional: why this technique matters to the article.",
    )

    class Meta:
        icon = "link"
        label = "Technique callout"
        template = "blog/blocks/technique_callout.html"


class ArticleBodyBlock(blocks.StreamBlock):
    markdown = SectionMarkdownBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    technique_callout = TechniqueCalloutBlock()

    class Meta:
        block_counts = {"markdown": {"min_num": 1}}
