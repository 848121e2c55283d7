from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from blog.transfer.commands import ImportCommand, authors_index, find_blog, techniques_index
from blog.transfer.images import ImageStore
from blog.transfer.markdown_import import ContentError, read_folder, read_site
from blog.transfer.markdown_import.folders import OWN
from blog.transfer.markdown_import.own import MarkdownImporter
from blog.transfer.markdown_import.static_site import StaticSiteImporter, locator


def import_folder(directory, report, blog, techniques=None, authors=None, progress=None):
    """Import our own Markdown files of ``directory`` under ``blog``; the author pages
    read."""
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
        "Import a folder of Markdown files with front matter: our own (articles/, "
        "techniques/, authors/ and images/, as export_markdown writes them), a Jekyll site "
        "(_posts/) or a Hugo site (content/posts/). Run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("The folder to read."))
        self.add_common_arguments(parser)
        self.add_skip_invalid_argument(parser, _("files"))
        parser.add_argument(
            "--techniques-index",
            help=_("The technique index for new techniques (id or slug); default: the first."),
        )
        parser.add_argument(
            "--authors-index",
            help=_("The author index for new author profiles (id or slug); default: the first."),
        )
        parser.add_argument(
            "--author",
            help=_(
                "The author of a Jekyll or Hugo site's posts that name none (a name); "
                "default: the site's configured author."
            ),
        )

    def handle(self, *args, **options):
        self.options = options
        directory = options["directory"]
        try:
            folder = read_site(directory)
        except ContentError as error:
            raise CommandError(str(error)) from error
        blog = find_blog(options["blog"])
        report = self.new_report()
        self.check_problems(folder.problems, report, kind="file")
        for path, reason in folder.skipped:
            report.warn(f"{path}: {reason}")
        with self.maybe_dry_run(report):
            progress = self.progress(folder.total, _("Files"))
            images = ImageStore(None, report, media_dir=directory, fetch=False)
            if folder.kind == OWN:
                MarkdownImporter(
                    directory,
                    report,
                    images,
                    blog,
                    techniques_index(options["techniques_index"], blog),
                    authors_index(options["authors_index"], blog),
                ).run(folder.content, progress)
            else:
                importer = StaticSiteImporter(
                    directory,
                    report,
                    images,
                    blog,
                    authors_index(options["authors_index"], blog),
                    default_author=options["author"] or folder.default_author,
                )
                importer.run(
                    folder.posts,
                    lambda post: locator(directory, post.folder, folder.roots),
                    progress,
                )
                importer.finish()
            progress.close()
        self.summary(report, _("Imported %(directory)s:") % {"directory": directory})
