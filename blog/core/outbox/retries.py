"""When a failed send is tried again, and which failures are final.

Tries double their interval from the first: urgent notices from 5 seconds up to every minute
(a moderator hears of someone at risk within a minute of the mail server coming back), others
from a minute up to every 2 hours, and all of them for a day
(``RETRY_FOR``), which outlasts an SMTP server's restart, a provider's outage or an
expired password someone renews the next morning.
"""

import datetime
import smtplib

RETRY_FOR = datetime.timedelta(hours=24)
URGENT = (datetime.timedelta(seconds=5), datetime.timedelta(minutes=1))
ORDINARY = (datetime.timedelta(minutes=1), datetime.timedelta(hours=2))


def delay(tries, urgent):
    """How long to wait after the ``tries``-th failed try (1 for the first)."""
    first, longest = URGENT if urgent else ORDINARY
    return min(first * 2 ** min(tries - 1, 20), longest)


def is_final(error):
    """Whether ``error`` says the recipient can never be reached this way: every code the
    server refused the address with is permanent (5yz, RFC 5321 section 4.2.1), such as
    "550 no such mailbox". Anything else (a refused or timed-out connection, a full queue,
    a rejected login, a 4yz) may pass later and is tried again."""
    if not isinstance(error, smtplib.SMTPRecipientsRefused) or not error.recipients:
        return False
    return all(500 <= code < 600 for code, _message in error.recipients.values())


def describe(error):
    """One line on why a send failed, for the admins' report and the log."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return (
            "; ".join(f"{code} {_text(message)}" for code, message in error.recipients.values())
            or "refused"
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}".strip().removesuffix(":")


def _text(message):
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return " ".join(str(message).split())
