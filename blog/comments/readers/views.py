"""A reader's pages about their own comments and data: changing or removing their comment,
and where the links in our e-mail to them lead: unsubscribing, muting a conversation,
asking for one's data, downloading it and erasing it.

A GET only shows what the page would do, with a button or a form; the POST does it. A link
that is forged is a 400 page, one that expired or was used up a 410
(blog.comments.link_problems). None of these pages is ever cached: each is for one reader.
"""

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from ..exceptions import NotYours, RateLimited, TooLate
from ..link_problems import link_problem
from ..models import DiscussionSettings, ReaderComment
from ..signed_links import LinkError, comment_from_link, read_reader_token
from . import own_comments, personal_data, subscriptions
from .data_requests import DataRequestForm, request_links


def _my_data_url():
    return reverse("wellness_comments:my_data")


def back_to(comment, request):
    """The comment in its thread, or its page if it is gone."""
    anchor = f"#comment-{comment.pk}" if comment.pk else "#comments"
    response = HttpResponseRedirect(comment.page.get_url(request) + anchor)
    response.status_code = 303
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
    rules = DiscussionSettings.for_request(request)
    try:
        own_comments.check(request, comment, rules, by_link=token is not None)
    except NotYours:
        return refused(request, comment, _("Only the person who wrote a comment may change it."))
    except TooLate:
        return refused(request, comment, _("This comment can no longer be changed."))
    initial = {"body": comment.edited_body or comment.body}
    form = EditForm(request.POST or None, rules=rules, initial=initial)
    if request.method == "POST":
        if "delete" in request.POST:
            own_comments.remove(comment)
            return back_to(comment, request)
        if form.is_valid():
            own_comments.edit(comment, form.cleaned_data["body"], rules)
            return back_to(comment, request)
    context = {
        "comment": comment,
        "form": form,
        "token": token,
        "until": own_comments.editable_until(comment, rules),
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "wellness_comments/edit.html", context, status=status)


def refused(request, comment, message):
    context = {"comment": comment, "message": message}
    return TemplateResponse(request, "wellness_comments/refused.html", context, status=403)


# Unsubscribing and muting. Both are csrf_exempt: mail programs offer "Unsubscribe" from
# the List-Unsubscribe header and POST "List-Unsubscribe=One-Click" to the link themselves
# (RFC 8058), without a CSRF token or cookie. The signed token in the URL is the protection:
# only the reader it was sent to has it, and it can do nothing but stop e-mail to them.
# Doing it again is harmless, so a second click is a 200 saying it is done already.


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        commenter, _payload = read_reader_token("unsubscribe", token)
    except LinkError as error:
        return link_problem(request, error)
    if commenter is None:  # their data was erased: we hold no address to write to
        return link_problem(request, "used")
    if request.method == "POST":
        state = "done" if subscriptions.unsubscribe(commenter) else "already"
    else:
        state = "already" if commenter.unsubscribed_at else "ask"
    return TemplateResponse(request, "wellness_comments/unsubscribe.html", {"state": state})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def mute(request, token):
    try:
        commenter, payload = read_reader_token("mute", token)
    except LinkError as error:
        return link_problem(request, error)
    thread_id = payload.get("t")
    if not isinstance(thread_id, int):
        return link_problem(request, "invalid")
    if commenter is None:
        return link_problem(request, "used")
    thread = ReaderComment.objects.select_related("page").filter(pk=thread_id).first()
    already = subscriptions.is_muted(commenter, thread_id)
    if request.method == "POST" and not already:
        subscriptions.mute(commenter, thread_id)
        state = "done"
    else:
        state = "already" if already else "ask"
    if thread is None and state == "ask":
        state = "done"  # the conversation is gone: nothing more can come of it
    context = {"state": state, "page": thread.page if thread else None}
    return TemplateResponse(request, "wellness_comments/mute.html", context)


# Asking for one's data, downloading and erasing it.


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def my_data(request):
    """The form asking for an address. Whatever the address, the answer is the same: no one
    learns here whether it commented (blog.comments.readers.data_requests)."""
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                request_links(request, form.cleaned_data["email"])
            except RateLimited as limited:
                context = {"form": form, "limited": True}
                response = TemplateResponse(
                    request, "wellness_comments/my_data.html", context, status=429
                )
                response["Retry-After"] = str(limited.retry_after)
                return response
            response = HttpResponseRedirect(f"{request.path}?sent=1")
            response.status_code = 303  # reloading the page must not ask again
            return response
        status = 400
    context = {"form": form, "sent": request.GET.get("sent") == "1" and not form.is_bound}
    return TemplateResponse(request, "wellness_comments/my_data.html", context, status=status)


@never_cache
@require_GET
def export(request, token):
    """The reader's data as a JSON file. Reading changes nothing, so the link may be used
    again until it expires."""
    try:
        commenter, _payload = read_reader_token("export", token)
    except LinkError as error:
        return link_problem(request, error, again_url=_my_data_url())
    if commenter is None:
        return link_problem(
            request, "used", detail=_("Your data was erased, so there is nothing to download.")
        )
    return personal_data.as_download(personal_data.export(commenter.email))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request, token):
    """GET: what erasing would do, and a button; POST: erase. Once done, the link is spent."""
    try:
        commenter, _payload = read_reader_token("erase", token)
    except LinkError as error:
        return link_problem(request, error, again_url=_my_data_url())
    if commenter is None:
        return link_problem(request, "used", detail=_("Your data was erased already."))
    if request.method == "POST":
        plan = personal_data.erase(commenter.email)
        context = {"summary": personal_data.erasure_summary(plan)}
        return TemplateResponse(request, "wellness_comments/erased.html", context)
    plan = personal_data.erasure_plan(commenter.email)
    return TemplateResponse(request, "wellness_comments/erase.html", {"plan": plan})
