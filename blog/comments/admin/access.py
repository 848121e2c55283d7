"""Who gets in, and where they go afterwards: shared by every moderation view. Who may
moderate which comments, and the screens' URL names, live in
blog.comments.moderation.permissions: code outside the admin needs them too."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from ..moderation.permissions import may_moderate, may_moderate_comment, url_name

FORBIDDEN_TEMPLATE = "wellness_comments/admin/403.html"


def forbidden(request):
    """A real 403. Wagtail's admin answers PermissionDenied with a redirect to the
    dashboard, which a forged request (or a test) cannot tell from success."""
    return TemplateResponse(request, FORBIDDEN_TEMPLATE, status=403)


def safe_next_url(request, default):
    """The ``next`` the form sent, if it stays on this site; ``default`` otherwise."""
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


def listing_url():
    return reverse(url_name("list"))


class CommentPageMixin:
    """For an admin view about one comment (``self.comment``): its inspect URL, and the
    breadcrumbs from the listing through the comment to this page."""

    @cached_property
    def inspect_url(self):
        return reverse(url_name("inspect"), args=(self.comment.pk,))

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": listing_url(), "label": _("Comments")},
            {"url": self.inspect_url, "label": str(self.comment)},
            {"url": "", "label": self.get_page_title()},
        ]


class ModeratorRequiredMixin:
    """For admin views: 403 unless the user may moderate this view's comment (or, on views
    without one, some comment). Any PermissionDenied further in also becomes a 403."""

    def dispatch(self, request, *args, **kwargs):
        comment = getattr(self, "object", None)
        if comment is None:
            allowed = may_moderate(request.user)
        else:
            allowed = may_moderate_comment(request.user, comment)
        if not allowed:
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)
