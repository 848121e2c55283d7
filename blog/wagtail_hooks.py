"""The blog's additions to Wagtail: its section on technique pages, and the Markdown
editor's toolbar glyphs."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .sections import ArticlesAboutTechnique

MARKDOWN_TOOLBAR_CSS = "wellness/admin/markdown-toolbar.css"


@hooks.register("register_technique_page_section")
def articles_about_technique():
    return ArticlesAboutTechnique()


@hooks.register("insert_editor_css")
def markdown_toolbar_labels():
    return format_html('<link rel="stylesheet" href="{}">', static(MARKDOWN_TOOLBAR_CSS))
