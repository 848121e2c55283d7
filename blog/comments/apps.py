from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "blog.comments"
    label = "wellness_comments"
    verbose_name = _("Reader comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blog.core import sessions

        from . import pages
        from .display.discussion import page_context
        from .moderation import moderators, notifications  # noqa: F401 (registers notices)
        from .readers.own_comments import PAGES_SESSION_KEY, SESSION_KEY, own_page_ids

        # A reader's own comments make only the pages they are on personal: everywhere else
        # they get the cached pages every reader gets.
        for key in (SESSION_KEY, PAGES_SESSION_KEY):
            sessions.register(key, own_page_ids)
        moderators.connect()
        pages.show_discussions_with(page_context)
