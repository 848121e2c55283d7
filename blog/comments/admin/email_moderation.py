"""Approving a comment, or marking it as spam, from the held-comment e-mail.

Each moderator's e-mail carries their own signed links
(blog.comments.moderation.notifications): the comment, the action, the moderator and the
comment's status when the e-mail went out. A link leads here, behind the admin's login: GET
shows the comment and a button, and changes nothing; the POST (CSRF-protected like every
admin form) moderates. The link works only for the moderator it was sent to, while they may
moderate the comment, for three days (signed_links.LIFETIMES), and once: when the comment
is no longer in the status it was sent about, the link is spent.
"""

from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..link_problems import ADMIN_TEMPLATE, link_problem
from ..models import ReaderComment
from ..moderation.moderate import ACTIONS as MODERATION_ACTIONS
from ..moderation.moderate import moderate
from ..moderation.permissions import may_moderate_comment
from ..signed_links import LinkError, read_token
from .access import CommentPageMixin, forbidden
from .views import DONE

ACTIONS = ("approve", "spam")
QUESTIONS = {
    "approve": _("Approve this comment? It will be published under its page."),
    "spam": _("Mark this comment as spam? It will not be published."),
}


def read_link(token):
    """(comment id, action, user id, status) from a moderation link's token; LinkError if it
    is not a well-formed one of ours."""
    payload = read_token("moderate", token)
    comment_id, action = payload.get("comment"), payload.get("action")
    user_id, status = payload.get("user"), payload.get("status")
    if not (
        isinstance(comment_id, int)
        and action in ACTIONS
        and isinstance(user_id, int)
        and status in ReaderComment.Status.values
    ):
        raise LinkError()
    return comment_id, action, user_id, status


@method_decorator(never_cache, name="dispatch")
class ModerateFromEmailView(CommentPageMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wellness_comments/admin/moderate_from_email.html"
    http_method_names = ["get", "head", "post"]
    header_icon = "comment"

    def dispatch(self, request, token):
        try:
            comment_id, self.action, user_id, status = read_link(token)
        except LinkError as error:
            return link_problem(request, error, template=ADMIN_TEMPLATE)
        if user_id != request.user.pk:  # sent to another moderator
            return forbidden(request)
        self.comment = ReaderComment.objects.select_related("page").filter(pk=comment_id).first()
        if self.comment is None:
            detail = _("The comment was deleted.")
            return link_problem(request, "used", detail=detail, template=ADMIN_TEMPLATE)
        if not may_moderate_comment(request.user, self.comment):
            return forbidden(request)
        if self.comment.status != status:
            detail = _("Someone has moderated the comment since: it is now “%(status)s”.") % {
                "status": self.comment.get_status_display()
            }
            return link_problem(
                request,
                "used",
                detail=detail,
                template=ADMIN_TEMPLATE,
                comment_url=self.inspect_url,
            )
        return super().dispatch(request)

    def get_page_title(self):
        return MODERATION_ACTIONS[self.action][2]  # "Approve", "Mark as spam"

    def get_page_subtitle(self):
        return self.comment.name

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "comment": self.comment,
            "action": self.action,
            "question": QUESTIONS[self.action],
            "button_label": self.get_page_title(),
            "inspect_url": self.inspect_url,
        }

    def post(self, request):
        comments = ReaderComment.objects.filter(pk=self.comment.pk)
        if moderate(comments, self.action, request.user):
            messages.success(request, DONE[self.action] % {"name": self.comment.name})
        return HttpResponseRedirect(self.inspect_url)
