"""Sending one event's notice to each of its recipients, once.

Each recipient's message is its own SMTP transaction on one connection, so that a refused
address fails alone. A delivery is claimed (``MailDelivery.claim``) only once the
connection is open, so a worker stopped while the server is unreachable leaves nothing
half-done; it is recorded as sent the moment the server accepts it.
"""

import datetime
import logging

from django.core.mail import get_connection
from django.utils import timezone

from ..language import site_language
from .models import MailDelivery
from .notices import Recipient

logger = logging.getLogger(__name__)
Status = MailDelivery.Status
# A message claimed this long ago and still not recorded was being sent by a process that
# died (one SMTP conversation takes seconds; EMAIL_TIMEOUT bounds it).
STALE_CLAIM = datetime.timedelta(minutes=15)


def deliver(notice, event, task_id, now=None):
    """Send ``notice`` about ``event`` to each recipient it has not reached yet; ``task_id``
    is the running task's. Returns when to try again (None: nothing is left to try)."""
    now = now or timezone.now()
    rows = MailDelivery.objects.record(notice, event, now)
    for row in rows:
        if row.status == Status.SENDING and (
            row.claimed_by == task_id or row.last_tried_at < now - STALE_CLAIM
        ):
            # This very task was sending it when its worker was stopped (or another, long
            # gone): the server may have taken it, so it is not sent again by itself.
            row.mark_interrupted()
            logger.warning("Mail %s was interrupted while being sent; not sent again", row.pk)
    due = [row for row in rows if row.status == Status.PENDING and row.next_try_at <= now]
    if due:
        connection = get_connection()
        try:
            for row in due:
                send_one(notice, row, connection, task_id)
        finally:
            connection.close()
    waiting = MailDelivery.objects.for_event(notice.kind, event).filter(status=Status.PENDING)
    return waiting.order_by("next_try_at").values_list("next_try_at", flat=True).first()


def send_one(notice, row, connection, task_id):
    recipient = Recipient(row.address, row.user_id)
    try:
        with site_language():
            message = notice.message(recipient)
    except Exception as error:
        logger.exception("Could not write mail %s (%s)", row.pk, notice.kind)
        failed(row, error, final=True)
        return
    if message is None:  # what it was about is gone: nothing to tell
        MailDelivery.objects.filter(pk=row.pk).delete()
        return
    try:
        connection.open()
    except Exception as error:
        failed(row, error)
        return
    if not row.claim(task_id, message.subject):
        return  # another worker is sending it, or has
    try:
        connection.send_messages([message])
    except Exception as error:
        connection.close()  # the next message starts a new conversation
        failed(row, error)
        return
    row.mark_sent()
    notice.sent(recipient)


def failed(row, error, final=False):
    if row.mark_failed(error, final=final):
        logger.error(
            "Mail %s (%s) not delivered to a recipient at %s: %s",
            row.pk,
            row.kind,
            row.address.rpartition("@")[2],
            error,
        )
    else:
        logger.warning("Mail %s (%s) failed, will try again: %s", row.pk, row.kind, error)
