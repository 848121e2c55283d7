"""``{% load wellness_comments_tags %}``: the comments under a page, for the templates of
page types that take them (blog.comments.pages)."""

from django import template

from blog.core import fragments

from ..display.discussion import discussion_for
from ..rendering import comment_html as render_comment

register = template.Library()

SECTION_TEMPLATE = "wellness_comments/section.html"


@register.simple_tag(takes_context=True)
def comments(context):
    """The page's comments and the form under them, where ``{% comments %}`` stands. Uses
    the ``discussion`` the page's context holds (CommentablePageMixin puts it there)."""
    request, page = context["request"], context["page"]
    discussion = context.get("discussion")
    if discussion is None:
        discussion = discussion_for(request, page)
    section = context.template.engine.get_template(SECTION_TEMPLATE)

    def render():
        with context.push(discussion=discussion):
            return section.render(context)

    if context.get("discussion_shared"):  # what every reader sees: kept rendered
        return fragments.render(request, page, "comments", render)
    return render()


@register.filter
def comment_html(body):
    """A reader's comment: escaped, in paragraphs, links marked nofollow and ugc."""
    return render_comment(body)
