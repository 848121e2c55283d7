"""The "known commenter" cookie: a browser's signed, long-lived note of the comments it posted.

Auto-approval of returning commenters trusts this, never an e-mail address alone: anyone can
type a regular's address, but only the regular's own browser carries the cookie, and it vouches
for an address only once a moderator has approved a comment that browser posted with it.
"""

from django.core import signing
from django.utils.crypto import salted_hmac

from blog.core.conf import wellness_settings

from .models import ReaderComment

SALT = "blog.comments.commenter"
REMEMBERED = 20


def _digest(email):
    """The address as the cookie holds it: a keyed hash, so the cookie never shows it."""
    return salted_hmac(SALT, email.strip().casefold(), algorithm="sha256").hexdigest()[:32]


def _read(request):
    value = request.COOKIES.get(wellness_settings.COMMENTER_COOKIE_NAME)
    if not value:
        return None
    try:
        note = signing.loads(value, salt=SALT, max_age=wellness_settings.COMMENTER_COOKIE_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(note, dict) or not isinstance(note.get("comments"), list):
        return None
    return note


def vouches_for(request, email):
    """Whether this browser posted an approved comment with ``email`` before."""
    note = _read(request)
    if note is None or note.get("email") != _digest(email):
        return False
    ids = [pk for pk in note["comments"] if isinstance(pk, int)]
    return ReaderComment.objects.approved().filter(pk__in=ids, email__iexact=email).exists()


def remember(request, response, comment):
    """Add ``comment`` to the browser's note (a new address starts a new note)."""
    note = _read(request)
    digest = _digest(comment.email)
    ids = note["comments"] if note is not None and note.get("email") == digest else []
    value = signing.dumps(
        {"email": digest, "comments": [*ids, comment.pk][-REMEMBERED:]}, salt=SALT
    )
    response.set_cookie(
        wellness_settings.COMMENTER_COOKIE_NAME,
        value,
        max_age=wellness_settings.COMMENTER_COOKIE_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
