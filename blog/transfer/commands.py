"""What the import commands share: finding the blog and the author index, --dry-run (the
whole run in a transaction rolled back at the end), the progress bar and the summary."""

from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from blog.core import warming
from blog.models import AuthorIndexPage, BlogIndexPage
from therapies.models import TechniqueIndexPage

from .report import Progress, Report


class DryRun(Exception):
    pass


def find_page(model, value, what):
    """The page of ``model`` named by ``value`` (an id or a slug), or the only one there is."""
    pages = model.objects.order_by("path")
    if value:
        if str(value).isdigit():
            found = pages.filter(pk=int(value))
        else:
            found = pages.filter(slug=str(value).strip("/").rsplit("/", 1)[-1])
        if len(found) == 1:
            return found[0]
        if not found:
            raise CommandError(_("No %(what)s %(value)s.") % {"what": what, "value": value})
        choices = ", ".join(f"{page.pk} ({page.url_path})" for page in found)
        raise CommandError(
            _("Several %(what)ss are called %(value)s; give the id of one: %(choices)s")
            % {"what": what, "value": value, "choices": choices}
        )
    found = list(pages[:2])
    if len(found) == 1:
        return found[0]
    return None


def find_blog(value):
    blog = find_page(BlogIndexPage, value, _("blog index"))
    if blog is None:
        choices = ", ".join(
            f"{page.pk} ({page.slug})" for page in BlogIndexPage.objects.order_by("path")
        )
        if not choices:
            raise CommandError(_("Create a blog index first: the articles go under it."))
        raise CommandError(
            _("Name the blog index to import into with --blog: %(choices)s") % {"choices": choices}
        )
    return blog


def index_under(model, value, blog, title, slug):
    """The index named by ``value``, else the first one there is, else a new one under the
    blog (so that an import into a site with only a blog index still works)."""
    if value:
        return find_page(model, value, str(model._meta.verbose_name))
    index = model.objects.order_by("path").first()
    if index is not None:
        return index
    index = model(title=title, slug=slug)
    blog.add_child(instance=index)
    index.save_revision().publish()
    return index


def authors_index(value, blog):
    return index_under(AuthorIndexPage, value, blog, _("Authors"), "authors")


def techniques_index(value, blog):
    return index_under(TechniqueIndexPage, value, blog, _("Techniques"), "techniques")


class ImportCommand(BaseCommand):
    """Base for the import commands: ``--blog``, ``--dry-run``, ``--progress``."""

    def add_common_arguments(self, parser):
        parser.add_argument(
            "--blog",
            help=_("The blog index to import into: its id or slug (needed if there are several)."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Say what would be done, change nothing and fetch no image."),
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help=_("Show a progress bar even when the output is not a terminal."),
        )

    def add_skip_invalid_argument(self, parser, items):
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_(
                "Import what can be read and report the %(items)s that cannot; without it, "
                "nothing is imported while any cannot be read."
            )
            % {"items": items},
        )

    def check_problems(self, problems, report, kind="article"):
        """Every item that cannot be read, found before anything is written, listed at once
        with its reason: an error (nothing written) unless --skip-invalid, which reports them
        as failures and imports the rest."""
        if not problems:
            return
        if not self.options["skip_invalid"]:
            lines = [f"  {label}: {reason}" for label, reason in problems]
            raise CommandError(
                "\n".join(
                    [
                        _(
                            "%(n)d items cannot be read, so nothing was imported (add "
                            "--skip-invalid to import the rest):"
                        )
                        % {"n": len(problems)},
                        *lines,
                    ]
                )
            )
        for label, reason in problems:
            report.fail(kind, label, reason)

    def add_picture_arguments(self, parser, media_dir_help):
        """``--authors-index``, ``--media-dir`` and ``--no-fetch``: for the imports that make
        author profiles and bring pictures with the posts."""
        parser.add_argument(
            "--authors-index",
            help=_("The author index for new author profiles (id or slug); default: the first."),
        )
        parser.add_argument("--media-dir", help=media_dir_help)
        parser.add_argument(
            "--no-fetch", action="store_true", help=_("Never fetch pictures over HTTP.")
        )

    def progress(self, total, label):
        stream = self.stderr._out
        enabled = self.options["progress"] or getattr(stream, "isatty", lambda: False)()
        return Progress(total, label, stream=stream, enabled=enabled)

    @contextmanager
    def maybe_dry_run(self, report):
        """Without --dry-run, nothing but that no page is warmed after each item
        (blog.core.warming: nobody reads them until the import is over). With it, the whole
        run happens in a transaction that is rolled back."""
        with warming.paused():
            if not report.dry_run:
                yield
                return
            try:
                with transaction.atomic():
                    yield
                    raise DryRun
            except DryRun:
                pass

    def new_report(self):
        return Report(dry_run=self.options["dry_run"])

    def summary(self, report, heading):
        self.stdout.write(heading)
        for line in report.render():
            self.stdout.write(line)
        if report.failures:
            self.stdout.write(
                self.style.WARNING(
                    _("%(n)d items failed; everything else was imported.")
                    % {"n": len(report.failures)}
                )
            )
