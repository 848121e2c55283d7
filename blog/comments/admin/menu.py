"""The "Comments" menu item, with the number of comments awaiting the user's moderation."""

from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from ..moderation.permissions import may_moderate, moderatable

_CACHE_ATTRIBUTE = "_wellness_pending_comments"


def pending_count(request):
    """How many comments await moderation by this user: one query, once per request
    (the menu and the dashboard panel both show it)."""
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(request, _CACHE_ATTRIBUTE, moderatable(request.user).awaiting_moderation().count())
    return getattr(request, _CACHE_ATTRIBUTE)


def remember_pending_count(request, count):
    """For a view that counted them already (the queue's tabs): the menu asks no more."""
    setattr(request, _CACHE_ATTRIBUTE, count)


def label_with_count(label, count):
    if not count:
        return str(label)
    # Translators: a menu item and how many comments await moderation, e.g. "Comments (3)".
    return _("%(label)s (%(count)s)") % {"label": label, "count": count}


class CommentsMenuItem(MenuItem):
    """Menu items are built once and shared by every request, so the count goes into the
    rendered component, never into ``self.label``."""

    def is_shown(self, request):
        return may_moderate(request.user)

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            label_with_count(self.label, pending_count(request)),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )
