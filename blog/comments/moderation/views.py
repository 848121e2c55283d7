"""The reader's side of moderation: reporting someone else's comment (reports.py). The
moderators' screens are the admin's (blog.comments.admin). Never cached: the form and the
thank-you are for one reader."""

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..exceptions import TooManyReports
from ..identity import ip_hash
from ..models import CommentReport, DiscussionSettings, ReaderComment
from . import reports


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, comment_id):
    """Report a public comment. Without JavaScript as with it: a form, then a thank-you."""
    comment = get_object_or_404(
        ReaderComment.objects.approved().filter(removed=False).select_related("page"),
        pk=comment_id,
    )
    form = ReportForm(request.POST or None)
    context = {"comment": comment, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            reason = form.cleaned_data["reason"]
            rules = DiscussionSettings.for_request(request)
            reports.report(comment, reason, reporter(request), rules)
        except TooManyReports:
            context["message"] = _("You have sent many reports lately. Please try again later.")
            return TemplateResponse(request, "wellness_comments/report.html", context, status=429)
        return TemplateResponse(request, "wellness_comments/reported.html", context)
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "wellness_comments/report.html", context, status=status)


def reporter(request):
    """Who reported, as a keyed hash: their network address (one reader, one report)."""
    return ip_hash(request) or request.session.session_key or "anonymous"
