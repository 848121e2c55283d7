"""The "known commenter" cookie: a browser's signed, long-lived note of the comments it posted.

Auto-approval of returning commenters trusts this, never an e-mail address alone: anyone can
type a regular's address, but only the regular's own browser carries the cookie, and it vouches
for an address only once a moderator has approved a comment that browser posted with it.
"""

from django.core import signing
from django.utils.crypto import salted_hmac

from blog.core.conf import wellness_settings

from ..models import ReaderComment

SALT = "blog.comments.commenter"  # the cookies browsers hold were signed with it: never changes
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


def _note_for(request, email):
    """The browser's note, if it is about ``email``."""
    note = _read(request)
    return note if note is not None and note.get("email") == _digest(email) else None


def confirmed_here(request, email):
    """Whether ``email``'s owner confirmed a comment through their e-mail in this browser:
    where the site confirms commenters, the only browser they need not confirm again in."""
    note = _note_for(request, email)
    return bool(note and note.get("confirmed"))


def vouches_for(request, email, confirmed=False):
    """Whether this browser posted an approved comment with ``email`` before (and, with
    ``confirmed``, also confirmed the address in this browser)."""
    note = _note_for(request, email)
    if note is None or (confirmed and not note.get("confirmed")):
        return False
    ids = [pk for pk in note["comments"] if isinstance(pk, int)]
    return ReaderComment.objects.approved().filter(pk__in=ids, email__iexact=email).exists()


def remember(request, response, comment, confirmed=False):
    """Add ``comment`` to the browser's note (a new address starts a new note);
    ``confirmed`` when its writer just confirmed the address in this browser."""
    note = _note_for(request, comment.email)
    ids = note["comments"] if note is not None else []
    value = signing.dumps(
        {
            "email": _digest(comment.email),
            "comments": [*ids, comment.pk][-REMEMBERED:],
            "confirmed": confirmed or bool(note and note.get("confirmed")),
        },
        salt=SALT,
    )
    response.set_cookie(
        wellness_settings.COMMENTER_COOKIE_NAME,
        value,
        max_age=wellness_settings.COMMENTER_COOKIE_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
