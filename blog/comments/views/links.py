"""The pages the links in our e-mail to readers lead to: unsubscribing, muting a
conversation, asking for one's data, downloading it and erasing it.

A GET only shows what the link would do, with a button; the POST does it. A link that is
forged is a 400 page, one that expired or was used up a 410 (blog.comments.link_problems).
None of these pages is ever cached: each is for one reader.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from .. import personal_data, subscriptions
from ..exceptions import RateLimited
from ..link_problems import link_problem
from ..models import ReaderComment
from ..my_data import DataRequestForm, request_links
from ..signed_links import LinkError, read_reader_token


def _my_data_url():
    return reverse("wellness_comments:my_data")


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
    learns here whether it commented (blog.comments.my_data)."""
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
