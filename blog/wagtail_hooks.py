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


# Wagtail 8 no longer calls "insert_editor_css"; every admin page (page and snippet editors,
# settings) loads the global stylesheet hook, and each may hold a Markdown editor.
@hooks.register("insert_global_admin_css")
def markdown_toolbar_glyphs():
    return format_html('<link rel="stylesheet" href="{}">', static(MARKDOWN_TOOLBAR_CSS))
