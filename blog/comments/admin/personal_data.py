"""A moderator acts for the writer of a comment: downloads their data, or erases it
(blog.comments.readers.personal_data), from the comment's inspect page or the listing's "More" menu.

- Export: whoever may moderate the comment, and the file holds the writer's comments that
  this user may moderate, nothing else (an author-moderator gets those on their own pages).
  A GET that downloads; the audit log records who exported, on the comment.
- Erase: only moderators of every comment who may also delete comments. Erasure reaches all
  of the address's comments, on every page and site, most of which an author-moderator may
  not even see, and deletes comments. GET shows what it would do; the POST (CSRF-protected)
  does it and logs it, without the address.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from ..models import ReaderComment
from ..moderation.permissions import (
    MODERATE_PERMISSION,
    may_moderate,
    may_moderate_comment,
    moderatable,
    policy,
    url_name,
)
from ..readers import personal_data
from .access import CommentPageMixin, forbidden, listing_url

NOTHING_LEFT = _("The data of this comment’s writer was erased already: there is nothing left.")


def may_erase_commenters(user):
    return (
        user.is_active
        and user.has_perm(MODERATE_PERMISSION)
        and policy.user_has_permission(user, "delete")
    )


def export_url(comment):
    return reverse(url_name("export_commenter"), args=(comment.pk,))


def erase_url(comment):
    return reverse(url_name("erase_commenter"), args=(comment.pk,))


def commenter_buttons(user, comment, where):
    """The actions on a comment's writer this user may take: for the listing's "More" menu
    (``where`` "menu") or the inspect page's header ("header"). None once their data is
    erased."""
    if not comment.email:
        return []
    actions = [(_("Export this commenter’s data"), export_url(comment), "download", 40)]
    if may_erase_commenters(user):
        actions.append((_("Erase this commenter’s data"), erase_url(comment), "bin", 50))
    if where == "menu":
        return [MenuItem(label, url, icon_name=icon, priority=p) for label, url, icon, p in actions]
    return [Button(label, url=url, icon_name=icon, priority=p) for label, url, icon, p in actions]


class CommentActionMixin(CommentPageMixin):
    """The comment in the URL, for a user who ``permits``; a 403 otherwise, checked before
    the comment is looked up where the user may act on no comment at all."""

    def permits_any(self, user):
        return may_moderate(user)

    def permits(self, user, comment):
        return may_moderate_comment(user, comment)

    def dispatch(self, request, pk):
        if not self.permits_any(request.user):
            return forbidden(request)
        self.comment = get_object_or_404(ReaderComment.objects.select_related("page"), pk=pk)
        if not self.permits(request.user, self.comment):
            return forbidden(request)
        if not self.comment.email:
            messages.warning(request, NOTHING_LEFT)
            return HttpResponseRedirect(self.inspect_url)
        return super().dispatch(request, pk)


@method_decorator(never_cache, name="dispatch")
class ExportCommenterView(CommentActionMixin, View):
    http_method_names = ["get", "head"]

    def get(self, request, pk):
        email = self.comment.email
        data = personal_data.export(email, comments=moderatable(request.user))
        personal_data.log_export(self.comment, request.user)
        return personal_data.as_download(data, f"commenter-of-comment-{self.comment.pk}.json")


@method_decorator(never_cache, name="dispatch")
class EraseCommenterView(CommentActionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wellness_comments/admin/erase_commenter.html"
    http_method_names = ["get", "head", "post"]
    header_icon = "bin"
    page_title = _("Erase this commenter’s data")

    def permits_any(self, user):
        return may_erase_commenters(user)

    def permits(self, user, comment):
        return may_erase_commenters(user)

    def get_page_subtitle(self):
        return self.comment.name

    def get_context_data(self, **kwargs):
        plan = personal_data.erasure_plan(self.comment.email)
        return {
            **super().get_context_data(**kwargs),
            "comment": self.comment,
            "plan": plan,
            "inspect_url": self.inspect_url,
        }

    def post(self, request, pk):
        plan = personal_data.erase(self.comment.email, user=request.user)
        summary = " ".join(personal_data.erasure_summary(plan))
        messages.success(
            request, _("The commenter’s data is erased. %(summary)s") % {"summary": summary}
        )
        return HttpResponseRedirect(listing_url())
