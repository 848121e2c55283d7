"""A reader asks for their data: they type their e-mail address on /comments/my-data/, and
if it wrote comments here, we e-mail it a signed link to download them and one to erase
them (blog.comments.views.links). The page answers the same either way, so it never tells
anyone whether an address commented; rate limits keep it from being used to flood inboxes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from . import notifications
from .identity import ip_hash
from .models import Commenter
from .personal_data import has_data
from .rules import RateLimit
from .submission import RateLimited


class DataRequestLimit(RateLimit):
    """At most 3 requests an hour for an address, 10 from a network address: a reader who
    lost the e-mail asks again; no one sends an inbox hundreds."""

    scope = "my-data"

    def __init__(self):
        self.window = 60 * 60
        self.limits = {"ip": 10, "email": 3}


class DataRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address you gave with your comments."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def request_links(request, email):
    """Count the request against the limits (RateLimited if over), and if ``email`` has
    data here, e-mail it the links, once the transaction commits."""
    limit = DataRequestLimit()
    address = ip_hash(request)
    if limit.exceeded(address, email):
        raise RateLimited(limit.retry_after)
    limit.count(address, email)
    if not has_data(email):
        return
    site = Site.find_for_request(request)
    site_name = (site.site_name or site.hostname) if site else ""
    notifications.send_data_links(Commenter.for_email(email), site_name)
