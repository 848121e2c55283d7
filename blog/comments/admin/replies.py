"""Answering a reader from the moderation listing: the page's author, or a moderator, writes
a reply that is published at once under their byline (blog.comments.moderation.replies)."""

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..exceptions import CannotReply
from ..models import ReaderComment
from ..moderation.permissions import may_moderate_comment
from ..moderation.replies import answer, may_answer
from .access import forbidden, listing_url, safe_next_url


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )


class ReplyView(WagtailAdminTemplateMixin, FormView):
    form_class = ReplyForm
    template_name = "wellness_comments/admin/reply.html"
    header_icon = "comment"
    page_title = _("Reply to a reader")

    def dispatch(self, request, pk):
        self.comment = get_object_or_404(
            ReaderComment.objects.select_related("page").exclude(removed=True), pk=pk
        )
        if not self.may_reply(request.user, self.comment):
            return forbidden(request)
        return super().dispatch(request, pk)

    @staticmethod
    def may_reply(user, comment):
        """Those who may moderate the comment (and approve it by answering), and the page's
        authors where the comment is already public."""
        if may_moderate_comment(user, comment):
            return True
        return comment.status == ReaderComment.Status.APPROVED and may_answer(user, comment.page)

    def get_page_subtitle(self):
        return self.comment.page.title

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "comment": self.comment}

    def form_valid(self, form):
        try:
            reply = answer(
                self.request.user, self.comment.page, self.comment, form.cleaned_data["body"]
            )
        except CannotReply as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        message = _("Your reply to %(name)s is published.") % {"name": self.comment.name}
        messages.success(self.request, message)
        next_url = safe_next_url(self.request, listing_url())
        return HttpResponseRedirect(next_url or reply.page.url)
