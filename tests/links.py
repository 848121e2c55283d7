"""Helpers for the links our e-mail carries: finding them, following them as a browser
would, and making them old."""

import contextlib
import re
import time
from unittest import mock
from urllib.parse import urlsplit

from django.core import mail, signing
from django.core.signing import b62_encode

from blog.comments.signed_links import LIFETIMES

LINK = re.compile(r"https?://\S+")


def sent_mail(callbacks, action):
    """The e-mail ``action`` sends once its transaction commits (``callbacks`` is pytest-django's
    django_capture_on_commit_callbacks), and what it returned."""
    before = len(mail.outbox)
    with callbacks(execute=True):
        result = action()
    return mail.outbox[before:], result


def links_in(message):
    return LINK.findall(message.body)


def link_to(message, fragment):
    """The one link in ``message`` whose URL contains ``fragment``."""
    (found,) = [link for link in links_in(message) if fragment in link]
    return found


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@contextlib.contextmanager
def issued_long_ago(purpose):
    """Links made inside are one minute past their lifetime by the time they are used (only
    the signatures' timestamps are moved: every other clock keeps the time)."""
    past = int(time.time() - LIFETIMES[purpose].total_seconds() - 60)
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: b62_encode(past)):
        yield


def forged(url):
    """The URL with one character of its token's signature changed."""
    head, token, tail = url.rsplit("/", 2)
    last = "A" if token[-1] != "A" else "B"
    return f"{head}/{token[:-1]}{last}/{tail}"
