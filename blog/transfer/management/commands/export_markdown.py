import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from blog.models import BlogIndexPage
from blog.transfer.commands import find_page
from blog.transfer.exporter import Exporter

FOLDERS = ("articles", "techniques", "authors", "images")


class Command(BaseCommand):
    help = _(
        "Write the blog's articles, techniques and authors as Markdown files with YAML front "
        "matter, and their pictures, into a folder (import_markdown reads them back)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("The folder to write (new or empty)."))
        parser.add_argument(
            "--blog", help=_("Only the articles of this blog index (its id or slug).")
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=_("Replace the articles/, techniques/, authors/ and images/ folders there."),
        )

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        blog = None
        if options["blog"]:
            blog = find_page(BlogIndexPage, options["blog"], _("blog index"))
        elif BlogIndexPage.objects.count() > 1:
            raise CommandError(_("There are several blog indexes: choose one with --blog."))
        existing = [name for name in FOLDERS if (directory / name).exists()]
        if existing:
            if not options["overwrite"]:
                raise CommandError(
                    _("%(directory)s already holds %(folders)s: add --overwrite to replace them.")
                    % {"directory": directory, "folders": ", ".join(existing)}
                )
            for name in existing:
                shutil.rmtree(directory / name)
        written = Exporter(directory, blog).run()
        self.stdout.write(
            _(
                "Wrote %(article)d articles, %(technique)d techniques, %(author)d authors and "
                "%(image)d images to %(directory)s."
            )
            % {**written, "directory": directory}
        )
