"""Signed links about a reader (unsubscribe, mute a conversation, download or erase their
data), built on blog.comments.links.

Their tokens name the reader's ``Commenter`` row and a keyed digest of its address, never the
address: a signed token is readable by anyone who has it (signing is not encryption), and
links end up in access logs, browser histories and mail filters. The digest ties the token to
the address the row had when the link was sent, and once the row is gone (their data was
erased) every such link is spent.
"""

from django.utils.crypto import constant_time_compare, salted_hmac

from .links import LinkError, link, read_token
from .models import Commenter


def _digest(email):
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
