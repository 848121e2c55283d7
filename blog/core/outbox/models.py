"""The record of each notice's delivery to each recipient: what makes a notice go out once,
and what the "Mail not delivered" report lists."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from . import retries

SENT_KEPT_FOR = datetime.timedelta(days=30)
FAILED_KEPT_FOR = datetime.timedelta(days=90)


def address_digest(address):
    """A keyed digest of an e-mail address, in any case: what a delivery is known by once the
    address itself is no longer kept."""
    return salted_hmac("blog.core.outbox", address.strip().lower(), algorithm="sha256").hexdigest()


class MailDeliveryQuerySet(models.QuerySet):
    def for_event(self, kind, event):
        return self.filter(kind=kind, event=event)

    def record(self, notice, event, now=None):
        """The event's rows: the first time, one made for each of ``notice``'s recipients
        (who is told is decided once: a moderator added later, or an admin sending one
        message again, adds no one)."""
        rows = list(self.for_event(notice.kind, event).order_by("pk"))
        if rows:
            return rows
        now = now or timezone.now()
        self.bulk_create(
            [
                MailDelivery(
                    kind=notice.kind,
                    event=event,
                    address=recipient.address,
                    address_digest=address_digest(recipient.address),
                    user_id=recipient.user,
                    params=notice.params,
                    urgent=notice.urgent,
                    created_at=now,
                    next_try_at=now,
                    retry_until=now + retries.RETRY_FOR,
                )
                for recipient in notice.recipients()
            ],
            ignore_conflicts=True,  # another worker recorded them meanwhile
        )
        return list(self.for_event(notice.kind, event).order_by("pk"))

    def undelivered(self):
        """What the admins' report lists: given up, interrupted, or failed and waiting to be
        tried again."""
        Status = MailDelivery.Status
        return self.filter(
            Q(status__in=[Status.FAILED, Status.INTERRUPTED])
            | Q(status=Status.PENDING, tries__gt=0)
        )

    def given_up(self):
        return self.filter(status__in=[MailDelivery.Status.FAILED, MailDelivery.Status.INTERRUPTED])

    def expired(self, now=None):
        """What no longer needs keeping: the record of a message sent a month ago (no retry
        can come so late), and of one not delivered three months ago, address and all."""
        now = now or timezone.now()
        Status = MailDelivery.Status
        return self.filter(
            Q(status=Status.SENT, sent_at__lt=now - SENT_KEPT_FOR)
            | Q(
                status__in=[Status.FAILED, Status.INTERRUPTED], created_at__lt=now - FAILED_KEPT_FOR
            )
        )

    def for_address(self, address):
        return self.filter(address_digest=address_digest(address))

    def send_again(self, now=None):
        """Make the undelivered rows among these due at once, for another day of tries.
        Returns the ``(kind, event, params)`` of each event to queue a task for."""
        now = now or timezone.now()
        rows = self.undelivered()
        events = {
            (row.kind, row.event): (row.kind, row.event, row.params)
            for row in rows.only("kind", "event", "params")
        }
        rows.update(
            status=MailDelivery.Status.PENDING,
            next_try_at=now,
            retry_until=now + retries.RETRY_FOR,
            claimed_by="",
        )
        return list(events.values())


class MailDelivery(models.Model):
    """One notice (``kind`` about ``event``) for one recipient."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not delivered")
        # The worker stopped during the SMTP conversation: the message may have arrived or
        # not, and it is not sent again unless an admin asks (never twice by itself).
        INTERRUPTED = "interrupted", _("Interrupted: may not have arrived")

    kind = models.CharField(max_length=64)
    event = models.CharField(max_length=200)
    address_digest = models.CharField(max_length=64)
    # Kept while the message is still to be sent (and shown to admins when it cannot be);
    # emptied once it is sent, when the digest is all the record needs.
    address = models.EmailField(max_length=254, blank=True)
    user_id = models.BigIntegerField(null=True, blank=True)
    params = models.JSONField(default=dict)
    urgent = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    subject = models.CharField(max_length=255, blank=True)
    tries = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_try_at = models.DateTimeField(default=timezone.now)
    retry_until = models.DateTimeField()
    last_tried_at = models.DateTimeField(null=True, blank=True)
    # The task that is sending it now (SENDING), so that the same task started again after
    # its worker died knows the message was interrupted.
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = MailDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("mail delivery")
        verbose_name_plural = _("mail deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "event", "address_digest"], name="wellness_mail_once"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="wellness_mail_status")]

    def __str__(self):
        return f"{self.kind} {self.event} → {self.address or self.address_digest[:12]}"

    def claim(self, task_id, subject):
        """Mark it as being sent by ``task_id``, unless another task did first."""
        claimed = MailDelivery.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
            status=self.Status.SENDING,
            claimed_by=task_id,
            subject=subject[:255],
            last_tried_at=timezone.now(),
        )
        return bool(claimed)

    def mark_sent(self):
        MailDelivery.objects.filter(pk=self.pk).update(
            status=self.Status.SENT,
            sent_at=timezone.now(),
            tries=F("tries") + 1,
            address="",
            subject="",
            last_error="",
        )

    def mark_failed(self, error, final=False, now=None):
        """Record a failed try: try again later, or give up if it is ``final``, ``error``
        says so, or the day of tries is over. Returns whether it was given up."""
        now = now or timezone.now()
        tries = self.tries + 1
        final = final or retries.is_final(error) or now >= self.retry_until
        MailDelivery.objects.filter(pk=self.pk).update(
            status=self.Status.FAILED if final else self.Status.PENDING,
            tries=tries,
            last_error=retries.describe(error)[:500],
            last_tried_at=now,
            next_try_at=now + retries.delay(tries, self.urgent),
            claimed_by="",
        )
        return final

    def mark_interrupted(self):
        MailDelivery.objects.filter(pk=self.pk, status=self.Status.SENDING).update(
            status=self.Status.INTERRUPTED,
            tries=F("tries") + 1,
            last_error=str(_("The worker stopped while sending it.")),
        )
