"""Notices: e-mail about something that happened, one kind per class.

A kind says who is told (``recipients()``) and what each is told (``message()``), from a
few JSON values the change gives it (``params``: ids and short texts, never a secret such as
a link's token, which is made when the message is written). It is registered under its
``kind``, so that a worker can write the message again from those values, on a retry or
when an admin sends it again::

    @register
    class CommentHeld(Notice):
        kind = "comment-held"
        description = _("A comment to moderate")

        def recipients(self):
            return [Recipient(email, user=pk) for pk, email in moderators()]

        def message(self, recipient):
            return self.email(subject, "email/held.txt", context, recipient)

    send_notice(CommentHeld(comment=comment.pk), event=f"{comment.pk}:posted")
"""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.text import Truncator

_kinds = {}


@dataclass(frozen=True)
class Recipient:
    address: str
    #: The user's id, where the message holds links of their own (a moderator's).
    user: int | None = None


class Notice:
    #: The name it is registered and recorded under.
    kind = ""
    #: What it is, for the admins' report ("A comment to moderate").
    description = ""
    #: Sent before everything else, and tried again within seconds when sending fails.
    urgent = False

    def __init__(self, **params):
        self.params = params

    def recipients(self):
        """Who to tell: a list of ``Recipient``; empty once there is nothing to tell (what
        the notice is about was deleted meanwhile)."""
        raise NotImplementedError

    def message(self, recipient):
        """The ``EmailMessage`` for ``recipient``, written in the site's language; None when
        there is nothing to tell any more."""
        raise NotImplementedError

    def sent(self, recipient):
        """Called once ``recipient``'s message is delivered and recorded."""

    def email(self, subject, template, context, recipient, headers=None):
        """A message with ``subject`` on one line and the body ``template`` renders."""
        return EmailMessage(
            single_line(subject),
            render_to_string(template, context),
            None,
            [recipient.address],
            headers=headers,
        )


def single_line(text, length=120):
    """Header-safe text: Django refuses newlines in headers; we never let them get that far."""
    return Truncator(" ".join(str(text).split())).chars(length)


def register(notice_class):
    """Class decorator: make ``notice_class`` known under its ``kind``."""
    if not notice_class.kind:
        raise ValueError(f"{notice_class.__name__} has no kind")
    _kinds[notice_class.kind] = notice_class
    return notice_class


def notice_for(kind, params):
    """The notice of ``kind`` with ``params``; LookupError if no app registers ``kind``."""
    try:
        notice_class = _kinds[kind]
    except KeyError:
        raise LookupError(f"No notice of kind {kind!r} is registered") from None
    return notice_class(**params)


def description_of(kind):
    notice_class = _kinds.get(kind)
    return notice_class.description if notice_class else kind
