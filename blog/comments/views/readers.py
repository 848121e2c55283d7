"""What readers do with comments besides posting them: confirm their address, change or
remove their own comment, report someone else's. Every page here is for one reader only
(never cached), every change is a POST, and a link that does not work says why."""

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import commenter, confirmation, own
from ..exceptions import NotYours, TooLate, TooManyReports
from ..identity import ip_hash
from ..link_problems import link_problem
from ..models import CommentReport, DiscussionSettings, ReaderComment
from ..moderation import reports
from ..signed_links import comment_from_link

Status = ReaderComment.Status


def rules_for(request):
    return DiscussionSettings.for_request(request)


def back_to(comment, request):
    """The comment in its thread, or its page if it is gone."""
    anchor = f"#comment-{comment.pk}" if comment.pk else "#comments"
    response = HttpResponseRedirect(comment.page.get_url(request) + anchor)
    response.status_code = 303
    return response


# Confirming a new commenter's address


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    comment, problem = comment_from_link("confirm", token)
    if problem:
        return link_problem(request, problem)
    if comment.status != Status.UNCONFIRMED:
        return link_problem(request, "used")
    if request.method == "GET":  # mail scanners open links: only a press of the button acts
        return TemplateResponse(request, "wellness_comments/confirm.html", {"comment": comment})
    confirmation.confirm(request, comment, rules_for(request))
    response = back_to(comment, request)
    commenter.remember(request, response, comment, confirmed=True)
    return response


# A reader's own comment


class EditForm(forms.Form):
    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = forms.CharField(
            label=_("Your comment"),
            max_length=rules.max_length,
            widget=forms.Textarea(attrs={"rows": 6}),
        )


@never_cache
@require_http_methods(["GET", "POST"])
def edit(request, comment_id):
    """Change or remove one's own comment: theirs by their session."""
    comment = get_object_or_404(ReaderComment.objects.select_related("page"), pk=comment_id)
    return change_own(request, comment, token=None)


@never_cache
@require_http_methods(["GET", "POST"])
def edit_by_link(request, token):
    """Change or remove one's own comment: theirs by the link in their e-mail."""
    comment, problem = comment_from_link("edit", token)
    if problem:
        return link_problem(request, problem)
    return change_own(request, comment, token=token)


def change_own(request, comment, token):
    rules = rules_for(request)
    try:
        own.check(request, comment, rules, by_link=token is not None)
    except NotYours:
        return refused(request, comment, _("Only the person who wrote a comment may change it."))
    except TooLate:
        return refused(request, comment, _("This comment can no longer be changed."))
    initial = {"body": comment.edited_body or comment.body}
    form = EditForm(request.POST or None, rules=rules, initial=initial)
    if request.method == "POST":
        if "delete" in request.POST:
            own.remove(comment)
            return back_to(comment, request)
        if form.is_valid():
            own.edit(comment, form.cleaned_data["body"], rules)
            return back_to(comment, request)
    context = {
        "comment": comment,
        "form": form,
        "token": token,
        "until": own.editable_until(comment, rules),
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "wellness_comments/edit.html", context, status=status)


def refused(request, comment, message):
    context = {"comment": comment, "message": message}
    return TemplateResponse(request, "wellness_comments/refused.html", context, status=403)


# Reporting someone else's comment


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
            reason, rules = form.cleaned_data["reason"], rules_for(request)
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
