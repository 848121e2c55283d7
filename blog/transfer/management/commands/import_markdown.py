from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from blog.transfer.commands import ImportCommand, authors_index, find_blog, techniques_index
from blog.transfer.images import ImageStore
from blog.transfer.markdown_import import ContentError, MarkdownImporter, read_folder


def import_folder(directory, report, blog, techniques=None, authors=None, progress=None):
    """Import the Markdown files of ``directory`` under ``blog``; the author pages read."""
    content = read_folder(directory)
    images = ImageStore(None, report, media_dir=directory, fetch=False)
    importer = MarkdownImporter(
        directory,
        report,
        images,
        blog,
        techniques_index(techniques, blog),
        authors_index(authors, blog),
    )
    return importer.run(content, progress)


class Command(ImportCommand):
    help = _(
        "Import a folder of Markdown files with YAML front matter (articles/, techniques/, "
        "authors/ and images/, as export_markdown writes them). Run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("The folder to read."))
        self.add_common_arguments(parser)
        parser.add_argument(
            "--techniques-index",
            help=_("The technique index for new techniques (id or slug); default: the first."),
        )
        parser.add_argument(
            "--authors-index",
            help=_("The author index for new author profiles (id or slug); default: the first."),
        )

    def handle(self, *args, **options):
        self.options = options
        directory = options["directory"]
        try:
            content = read_folder(directory)
        except ContentError as error:
            raise CommandError(str(error)) from error
        blog = find_blog(options["blog"])
        report = self.new_report()
        total = sum(len(items) for items in content.values())
        with self.maybe_dry_run(report):
            progress = self.progress(total, _("Files"))
            images = ImageStore(None, report, media_dir=directory, fetch=False)
            importer = MarkdownImporter(
                directory,
                report,
                images,
                blog,
                techniques_index(options["techniques_index"], blog),
                authors_index(options["authors_index"], blog),
            )
            importer.run(content, progress)
            progress.close()
        self.summary(report, _("Imported %(directory)s:") % {"directory": directory})
