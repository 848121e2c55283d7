"""Table columns for the comment listing."""

from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn

from ..moderation.permissions import url_name
from .views import moderation_buttons, reply_url

CSS = {"all": ["wellness/admin/comments.css"]}


def title_id(comment):
    """The id of the element holding a comment's excerpt: the checkbox and the
    moderation buttons point at it, so screen readers say which comment they act on."""
    return f"snippet_{comment.pk}_title"


class CommentColumn(ButtonsColumnMixin, TitleColumn):
    """The excerpt on one line, opening on the full comment, its writer's address and a
    link to see it in its place; with the "More" menu of the row."""

    cell_template_name = "wellness_comments/admin/comment_cell.html"

    def __init__(self, name, get_row_buttons, next_url, **kwargs):
        super().__init__(name, get_title_id=title_id, **kwargs)
        self.get_row_buttons = get_row_buttons
        self.next_url = next_url

    def get_buttons(self, instance, parent_context):
        return self.get_row_buttons(instance)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            in_context_url=reverse(url_name("in_context"), args=(instance.pk,)),
            reply_url=reply_url(instance) if not instance.removed else None,
            next_url=self.next_url,
        )
        return context


class CommenterColumn(Column):
    """The writer's name, and how many of their comments were approved and marked as spam
    before (``approved_before`` and ``spam_before``, set by the queue for the whole page)."""

    cell_template_name = "wellness_comments/admin/commenter_cell.html"


class PageColumn(Column):
    """The title of the page commented on, linking to its public copy."""

    cell_template_name = "wellness_comments/admin/page_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        page = instance.page
        # get_url caches the site's root paths on the request: no query per row.
        context["url"] = page.get_url(parent_context.get("request")) if page.live else None
        return context


class NotesColumn(Column):
    """What a moderator should know at a glance: urgent (and for how long it has waited),
    edited by its writer, reported by readers (how often, and why)."""

    cell_template_name = "wellness_comments/admin/notes_cell.html"


class ModerationColumn(Column):
    """Approve, reject and spam buttons, as a form that posts back to ``next_url``. (The
    reply link is in the comment's cell, opened: the row stays one line.)"""

    cell_template_name = "wellness_comments/admin/moderation_cell.html"

    class Media:
        css = CSS

    def __init__(self, name, next_url, **kwargs):
        super().__init__(name, **kwargs)
        self.next_url = next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            buttons=moderation_buttons(instance),
            next_url=self.next_url,
            described_by=title_id(instance),
            csrf_token=get_token(context["request"]),
        )
        return context
