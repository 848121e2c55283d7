"""``manage.py purge_comment_data``: drop what each site's Discussion settings say to keep no
longer (blog.comments.readers.retention). Safe to run from cron as often as you like."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...readers.retention import purge


class Command(BaseCommand):
    help = (
        "Drop network address hashes and purge rejected, spam and unconfirmed comments older "
        "than each site's Discussion settings allow."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be removed, remove nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        purged = purge(dry_run=dry_run)
        for line in report(purged, dry_run):
            self.stdout.write(line)


def report(purged, dry_run=False):
    if dry_run:
        lines = [
            ngettext(
                "Would drop %(count)d network address hash.",
                "Would drop %(count)d network address hashes.",
                purged.addresses,
            ),
            ngettext(
                "Would purge %(count)d rejected, spam or unconfirmed comment.",
                "Would purge %(count)d rejected, spam or unconfirmed comments.",
                purged.deleted,
            ),
            ngettext(
                "Would empty %(count)d such comment, kept for the replies to it.",
                "Would empty %(count)d such comments, kept for the replies to them.",
                purged.emptied,
            ),
            ngettext(
                "Would delete %(count)d record of e-mail.",
                "Would delete %(count)d records of e-mail.",
                purged.mail,
            ),
        ]
    else:
        lines = [
            ngettext(
                "%(count)d network address hash dropped.",
                "%(count)d network address hashes dropped.",
                purged.addresses,
            ),
            ngettext(
                "%(count)d rejected, spam or unconfirmed comment purged.",
                "%(count)d rejected, spam or unconfirmed comments purged.",
                purged.deleted,
            ),
            ngettext(
                "%(count)d such comment emptied, kept for the replies to it.",
                "%(count)d such comments emptied, kept for the replies to them.",
                purged.emptied,
            ),
            ngettext(
                "%(count)d record of e-mail deleted.",
                "%(count)d records of e-mail deleted.",
                purged.mail,
            ),
        ]
    counts = [purged.addresses, purged.deleted, purged.emptied, purged.mail]
    said = [line % {"count": count} for line, count in zip(lines, counts, strict=True) if count]
    if said:
        return said
    return [_("Nothing to remove.")]
