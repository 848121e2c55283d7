"""A reader asks for their data: they type their e-mail address on /comments/my-data/, and
if it wrote comments here, we e-mail it a signed link to download them and one to erase
them (blog.comments.readers.views). The page answers the same either way, so it never tells
anyone whether an address commented; rate limits keep it from being used to flood inboxes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..exceptions import RateLimited
from ..identity import ip_hash
from ..limits import DATA_REQUESTS
from ..models import Commenter
from ..moderation import notifications
from .personal_data import has_data


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
    address = ip_hash(request)
    if DATA_REQUESTS.exceeded(ip=address, email=email):
        raise RateLimited(DATA_REQUESTS.retry_after)
    DATA_REQUESTS.count(ip=address, email=email)
    if not has_data(email):
        return
    site = Site.find_for_request(request)
    site_name = (site.site_name or site.hostname) if site else ""
    notifications.send_data_links(Commenter.for_email(email), site_name)
