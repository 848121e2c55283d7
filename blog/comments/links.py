"""Signed links that e-mail carries: each lets its holder do one thing, for a while.

A link's token is signed with the site's SECRET_KEY and a salt of its own purpose, so a
token for one purpose is worthless for another, and it expires. A link that acts (confirm a
comment, erase data, moderate) is used up by acting: the view checks that what the link
acts on is still in the state it was issued for, so a second click says so instead of
acting twice.
"""

import datetime

from django.core import signing
from django.urls import reverse

from blog.core.sites import absolute_url

# How long each kind of link works.
LIFETIMES = {
    "confirm": datetime.timedelta(days=3),  # a new commenter confirms their address
    "edit": datetime.timedelta(days=1),  # edit or delete one's own comment (within the window)
    "unsubscribe": datetime.timedelta(days=365),  # no more reply notifications
    "mute": datetime.timedelta(days=365),  # no more notifications from one conversation
    "export": datetime.timedelta(hours=24),  # download one's comments
    "erase": datetime.timedelta(hours=24),  # erase one's data
    "moderate": datetime.timedelta(days=3),  # approve or mark as spam from the e-mail
}


class LinkError(Exception):
    """The link is forged or mangled (``expired`` False), or too old (``expired`` True)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _salt(purpose):
    return f"wellness.comments.link.{purpose}"


def make_token(purpose, **payload):
    if purpose not in LIFETIMES:
        raise ValueError(f"no such link: {purpose}")
    return signing.dumps(payload, salt=_salt(purpose), compress=True)


def read_token(purpose, token):
    """The payload of a token made for ``purpose``; LinkError if it is not one, or expired."""
    try:
        payload = signing.loads(token, salt=_salt(purpose), max_age=LIFETIMES[purpose])
    except signing.SignatureExpired:
        raise LinkError(expired=True) from None
    except signing.BadSignature:
        raise LinkError() from None
    if not isinstance(payload, dict):
        raise LinkError()
    return payload


def link(url_name, purpose, **payload):
    """The absolute URL of ``url_name`` carrying a token for ``purpose``."""
    return absolute_url(reverse(url_name, args=[make_token(purpose, **payload)]))
