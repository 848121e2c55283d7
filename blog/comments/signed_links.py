"""Signed links that e-mail carries: each lets its holder do one thing, for a while.

A link's token is signed with the site's SECRET_KEY and a salt of its own purpose, so a
token for one purpose is worthless for another, and it expires. A link that acts (confirm a
comment, erase data, moderate) is used up by acting: the view checks that what the link
acts on is still in the state it was issued for, so a second click says so instead of
acting twice.

A reader's own links (unsubscribe, mute a conversation, download or erase their data) name
their ``Commenter`` row and a keyed digest of its address, never the address: a signed token
is readable by anyone who has it (signing is not encryption), and links end up in access
logs, browser histories and mail filters. The digest ties the token to the address the row
had when the link was sent, and once the row is gone (their data was erased) every such link
is spent.
"""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from blog.core.sites import absolute_url

from .models import Commenter, ReaderComment

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


def comment_from_link(purpose, token):
    """(the comment a token for ``purpose`` names, None) for a working link, or (None, what is
    wrong with it: a LinkError, or "used" when the comment is gone)."""
    try:
        payload = read_token(purpose, token)
    except LinkError as error:
        return None, error
    comment = ReaderComment.objects.select_related("page").filter(pk=payload.get("comment"))
    comment = comment.first()
    return (comment, None) if comment is not None else (None, "used")


# A reader's own links ------------------------------------------------------------------


def _digest(email):
    # The salt of the links already sent: changing it would spend them all.
    return salted_hmac("blog.comments.reader_links", email.strip().lower()).hexdigest()[:20]


def reader_link(url_name, purpose, commenter, **extra):
    """The absolute URL of ``url_name`` with a token for ``purpose`` about ``commenter``."""
    return link(url_name, purpose, c=commenter.pk, h=_digest(commenter.email), **extra)


def read_reader_token(purpose, token):
    """(the commenter the token is about or None if their data was erased since, the payload).

    Raises LinkError for a forged, mangled or expired token."""
    payload = read_token(purpose, token)
    commenter_id, digest = payload.get("c"), payload.get("h")
    if not isinstance(commenter_id, int) or not isinstance(digest, str):
        raise LinkError()
    commenter = Commenter.objects.filter(pk=commenter_id).first()
    if commenter is not None and not constant_time_compare(digest, _digest(commenter.email)):
        commenter = None  # not the address the link was sent to
    return commenter, payload
