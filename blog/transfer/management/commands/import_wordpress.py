from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from blog.transfer.commands import ImportCommand, authors_index, find_blog
from blog.transfer.html import ImageRef
from blog.transfer.images import ImageStore
from blog.transfer.report import SKIPPED
from blog.transfer.wordpress.export import read_export
from blog.transfer.wordpress.posts import PostReader
from blog.transfer.wordpress.wxr import WxrError
from blog.transfer.writer import ArticleWriter, AuthorResolver
from therapies.models import TechniquePage

SOURCE = "wordpress"


class Command(ImportCommand):
    help = _(
        "Import a WordPress export (Tools → Export, a WXR file; WordPress.com and Squarespace "
        "write one too): posts, authors, tags and categories, images, comments and redirects "
        "from the old links. Run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help=_("The WXR file WordPress wrote."))
        self.add_common_arguments(parser)
        self.add_skip_invalid_argument(parser, _("posts"))
        self.add_picture_arguments(
            parser,
            _(
                "A copy of wp-content/uploads: pictures are read from it, and fetched over "
                "HTTP only when they are not there."
            ),
        )
        parser.add_argument(
            "--category-technique",
            action="append",
            default=[],
            metavar="CATEGORY=TECHNIQUE",
            help=_(
                "Link posts in a category (its name or slug) to a technique page (its slug) "
                "instead of tagging them. Repeat for each category."
            ),
        )

    def handle(self, *args, **options):
        self.options = options
        try:
            export = read_export(options["export"])
        except WxrError as error:
            raise CommandError(str(error)) from error
        blog = find_blog(options["blog"])
        mapping = self.category_techniques(options["category_technique"])
        report = self.new_report()
        self.check_problems(export.problems, report)
        images = ImageStore(
            SOURCE, report, media_dir=options["media_dir"], fetch=not options["no_fetch"]
        )
        with self.maybe_dry_run(report):
            resolver = AuthorResolver(
                SOURCE, report, images, authors_index(options["authors_index"], blog)
            )
            authors = {}

            def author(login):
                if login not in authors:
                    found = export.authors.get(login)
                    name = found.name if found else login
                    authors[login] = resolver.get(f"{export.site}#author:{login}", name)
                return authors[login]

            reader = PostReader(export, report, author, mapping)
            writer = ArticleWriter(SOURCE, report, images, blog)
            progress = self.progress(export.post_count, _("Posts"))
            for post in export.posts():
                if post.index not in export.invalid:
                    self.import_post(post, reader, writer, images, report)
                progress.step()
            progress.close()
            writer.finish()
            for post_type, number in sorted(export.others.items()):
                reason = _("%(type)s items are not posts") % {"type": post_type}
                report.count("item", SKIPPED, reason, number)
            for title, link in export.pages:
                report.warn(
                    _(
                        "The page %(title)s (%(link)s) is not an article: make it a page here "
                        "if you need it."
                    )
                    % {"title": title or _("(no title)"), "link": link}
                )
        self.summary(report, _("Imported %(file)s:") % {"file": options["export"]})

    def category_techniques(self, pairs):
        mapping = {}
        for pair in pairs:
            category, _sep, slug = pair.partition("=")
            if not category.strip() or not slug.strip():
                raise CommandError(
                    _("--category-technique takes CATEGORY=TECHNIQUE, not %(pair)s")
                    % {"pair": pair}
                )
            technique = TechniquePage.objects.filter(slug=slug.strip()).order_by("path").first()
            if technique is None:
                raise CommandError(_("No technique page with the slug %(slug)s.") % {"slug": slug})
            mapping[category.strip().lower()] = technique
        return mapping

    def import_post(self, post, reader, writer, images, report):
        try:
            data = reader.article(post)
        except Exception as error:
            report.fail("article", post.label, f"{type(error).__name__}: {error}")
            return
        if data is None:
            return
        if not report.dry_run and not writer.unchanged(data):
            locations = [part.src for part in data.parts if isinstance(part, ImageRef)]
            images.prefetch([*locations, data.image.src if data.image else None])
        writer.write(data)
