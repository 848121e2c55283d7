"""The contract a page type signs to take reader comments.

A host page type adds ``CommentablePageMixin`` to its bases (it brings the per-page
"comments open" switch, so make a migration), puts ``FieldPanel("comments_open")`` among its
panels, and ``{% load wellness_comments_tags %}{% comments %}`` where the thread and the form
go in its template. Everything else (posting, the site owner's rules, moderation in the admin,
e-mail, the page cache) then works for it as for the plugin's articles. Three methods say
more where the page type knows more: ``comments_since()``, ``pages_authored_by()`` and
``comment_byline()``.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.core import versioned
from blog.core.tags import ROUTES, SITE, page_tag

from .invalidation import comments_tag


@cache
def commentable_models():
    return [model for model in apps.get_models() if issubclass(model, CommentablePageMixin)]


def commentable_page(page_id):
    """The live, public page ``page_id`` if it is of a type that takes comments, else None;
    its StreamFields deferred (taking a comment never shows the body). Remembered until a
    page is published, unpublished, moved or deleted, or the site's privacy changes (the
    ``routes`` and ``site`` tags, which always exist: an id no page has leaves nothing in the
    cache), so that taking a comment costs no query for its page."""

    def find():
        from wagtail.models import Page  # the contract is imported while models load

        pages = Page.objects.live().public().type(*commentable_models()).filter(pk=page_id)
        content_type = pages.values_list("content_type_id", flat=True).first()
        if content_type is None:
            return None
        model = ContentType.objects.get_for_id(content_type).model_class()
        # (Wagtail requires page managers to be PageManagers.)
        return model.objects.live().defer_streamfields().filter(pk=page_id).first()

    # Not "wellness:commentable:<id>": earlier code kept the page's model label under that
    # key, and a shared cache outlives a deploy.
    return versioned.remember(f"wellness:commentable-page:{page_id}", {ROUTES, SITE}, find)


class CommentablePageMixin(models.Model):
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Untick to close comments on this page. Existing comments stay visible."),
    )

    class Meta:
        abstract = True

    def comments_since(self):
        """The day comments are counted from when the site closes them after N days."""
        if self.first_published_at is None:
            return None
        return timezone.localdate(self.first_published_at)

    @classmethod
    def pages_authored_by(cls, user):
        """The pages of this type that ``user`` wrote: they may answer readers there, and
        moderate the comments where the site lets authors moderate (Discussion settings).
        None by default."""
        return cls.objects.none()

    def comment_byline(self, user):
        """How a reply by ``user``, the page's author or a moderator, is signed:
        ``(name, credentials, profile page or None)``. Never their e-mail address."""
        return (user.get_full_name() or user.get_username(), "", None)

    def comments_are_open(self, rules):
        """Whether readers may comment now, by this page's switch and the site's rules."""
        if not (rules.comments_enabled and self.comments_open):
            return False
        since = self.comments_since()
        if rules.close_after_days and since:
            return (timezone.localdate() - since).days < rules.close_after_days
        return True

    def cache_tags(self):
        own = {page_tag(self.pk), SITE, comments_tag(self.pk)}
        parent = getattr(super(), "cache_tags", None)
        return own | (parent() if parent else set())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_discussion_context(request, self))
        return context


# What a commentable page's template gets to show its comments: the display room's
# ``page_context(request, page)`` (blog.comments.display.discussion). Showing a discussion
# takes every room of the app (the form, the reader's own comments, who may answer), and
# this contract is the app's base, which imports nothing above it: so the app hands the
# function over when it is ready (apps.py), before any page is served.
_discussion_context = None


def show_discussions_with(page_context):
    global _discussion_context  # set once, when the app is ready
    _discussion_context = page_context
