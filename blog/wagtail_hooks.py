"""The blog's additions to Wagtail: its section on technique pages, the Markdown editor's
toolbar glyphs and options, and a therapist's own articles on her dashboard."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .panels import YourWritingPanel
from .sections import ArticlesAboutTechnique

MARKDOWN_TOOLBAR_CSS = "wellness/admin/markdown-toolbar.css"
MARKDOWN_EDITOR_JS = "wellness/admin/markdown-editor.js"


@hooks.register("register_technique_page_section")
def articles_about_technique():
    return ArticlesAboutTechnique()


# Wagtail 8 no longer calls "insert_editor_css"; every admin page (page and snippet editors,
# settings) loads the global stylesheet hook, and each may hold a Markdown editor.
@hooks.register("insert_global_admin_css")
def markdown_toolbar_glyphs():
    return format_html('<link rel="stylesheet" href="{}">', static(MARKDOWN_TOOLBAR_CSS))


# Output before any form's media, so the options are set before a Markdown editor starts.
@hooks.register("insert_global_admin_js")
def markdown_editor_options():
    return format_html('<script src="{}"></script>', static(MARKDOWN_EDITOR_JS))


@hooks.register("construct_homepage_panels")
def add_your_writing_panel(request, panels):
    profile = getattr(request.user, "author_profile", None)
    if profile is not None:
        panels.append(YourWritingPanel(profile))
