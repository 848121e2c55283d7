"""``manage.py send_review_reminders``: e-mail reviewers (else authors) about the articles
whose clinical review is due or overdue (blog.review.reminders). Run it daily from cron:
nothing is sent twice. The task worker sends the e-mail, and tries again if it fails."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blog.review_dates import DUE_SOON_DAYS

from ...reminders import describe, plan, send


class Command(BaseCommand):
    help = (
        "E-mail each reviewer (else the authors) one list of their articles whose clinical "
        "review is due or overdue. Safe to run daily: a reminder is repeated only weekly, "
        "once the review is overdue."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=DUE_SOON_DAYS,
            help=f"Remind of reviews due within this many days (default {DUE_SOON_DAYS}).",
        )

    def handle(self, *args, dry_run=False, days=DUE_SOON_DAYS, **options):
        if days < 0:
            raise CommandError(_("--days cannot be negative."))
        planned = plan(days)
        for article in planned.unreachable:
            self.stderr.write(
                _("Nobody to remind of “%(title)s”: its reviewer and authors have no address.")
                % {"title": article.title}
            )
        if not planned.due:
            self.stdout.write(_("No reviews due."))
            return
        if not planned.reminders:
            self.stdout.write(
                ngettext(
                    "Nothing to send: %(count)d review is due, and no one is to be reminded "
                    "of it today.",
                    "Nothing to send: %(count)d reviews are due, and no one is to be reminded "
                    "of them today.",
                    len(planned.due),
                )
                % {"count": len(planned.due)}
            )
            return
        if dry_run:
            self.stdout.write(self.summary(planned.reminders, would=True))
            return
        send(planned.reminders)
        self.stdout.write(self.summary(planned.reminders))

    def summary(self, reminders, would=False):
        if would:
            line = ngettext(
                "Would send %(count)d reminder: %(people)s.",
                "Would send %(count)d reminders: %(people)s.",
                len(reminders),
            )
        else:
            line = ngettext(
                "Sending %(count)d reminder: %(people)s.",
                "Sending %(count)d reminders: %(people)s.",
                len(reminders),
            )
        return line % {"count": len(reminders), "people": describe(reminders)}
