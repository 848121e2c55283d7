from html import unescape
from urllib.parse import urljoin

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.transfer.commands import ImportCommand, authors_index, find_blog
from blog.transfer.html import ImageRef, html_to_text, split_html, summary_from_html
from blog.transfer.images import ImageStore
from blog.transfer.report import SKIPPED
from blog.transfer.wordpress import UNPUBLISHED_STATUSES, WxrError, read_wxr
from blog.transfer.writer import (
    ArticleData,
    ArticleWriter,
    AuthorResolver,
    CommentData,
    make_slug,
)
from therapies.models import TechniquePage

SOURCE = "wordpress"
DEFAULT_CATEGORY = "uncategorized"


def clean_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


class Command(ImportCommand):
    help = _(
        "Import a WordPress export (Tools → Export, a WXR file): posts, authors, tags and "
        "categories, images, comments and redirects from the old links. Run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help=_("The WXR file WordPress wrote."))
        self.add_common_arguments(parser)
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
            export = read_wxr(options["export"])
        except WxrError as error:
            raise CommandError(str(error)) from error
        blog = find_blog(options["blog"])
        self.mapping = self.category_techniques(options["category_technique"])
        report = self.new_report()
        images = ImageStore(
            SOURCE, report, media_dir=options["media_dir"], fetch=not options["no_fetch"]
        )
        self.base_url = export.base_url.rstrip("/")
        with self.maybe_dry_run(report):
            index = authors_index(options["authors_index"], blog)
            resolver = AuthorResolver(SOURCE, report, images, index)
            self.authors = {}
            logins = dict.fromkeys([*export.authors, *(post.creator for post in export.posts)])
            for login in logins:
                if not login:
                    continue
                author = export.authors.get(login)
                name = author.name if author else login
                self.authors[login] = resolver.get(f"{self.base_url}#author:{login}", name)
            writer = ArticleWriter(SOURCE, report, images, blog)
            progress = self.progress(len(export.posts), _("Posts"))
            for post in export.posts:
                self.import_post(post, export, writer, images, report)
                progress.step()
            progress.close()
            writer.finish()
            for post_type, number in sorted(export.others.items()):
                reason = _("%(type)s items are not posts") % {"type": post_type}
                report.count("item", SKIPPED, reason, number)
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

    def import_post(self, post, export, writer, images, report):
        if post.status not in {"publish", *UNPUBLISHED_STATUSES}:
            reason = _("status %(status)s (trash or auto-draft)") % {"status": post.status or "?"}
            report.count("article", SKIPPED, reason)
            return
        try:
            data = self.article_data(post, export, report)
        except Exception as error:
            report.fail("article", post.title or post.key, f"{type(error).__name__}: {error}")
            return
        if not report.dry_run and not writer.unchanged(data):
            locations = [part.src for part in data.parts if isinstance(part, ImageRef)]
            images.prefetch([*locations, data.image.src if data.image else None])
        writer.write(data)

    def absolute(self, src):
        return urljoin(self.base_url + "/", src) if src else ""

    def article_data(self, post, export, report):
        title = html_to_text(unescape(post.title))
        parts = []
        for part in split_html(post.content):
            if isinstance(part, ImageRef):
                part = ImageRef(self.absolute(part.src), part.alt, part.caption, part.title)
            parts.append(part)
        hero = None
        attachment = export.attachments.get((post.meta.get("_thumbnail_id") or "").strip())
        if attachment is not None and attachment.attachment_url:
            hero = ImageRef(
                src=self.absolute(attachment.attachment_url),
                alt=" ".join((attachment.meta.get("_wp_attachment_image_alt") or "").split()),
                title=attachment.title,
            )
        techniques, tags = [], [name for name, _slug in post.tags]
        for name, nicename in post.categories:
            technique = self.mapping.get(name.lower()) or self.mapping.get(nicename.lower())
            if technique is not None:
                if technique not in techniques:
                    techniques.append(technique)
            elif nicename != DEFAULT_CATEGORY:
                tags.append(name)
        author = self.authors.get(post.creator)
        published = post.date_gmt or post.date
        live = post.live
        old_urls = [post.link, f"{self.base_url}/?p={post.id}"] if live else []
        return ArticleData(
            key=post.key,
            title=title,
            slug=make_slug(post.slug or title, f"post-{post.id}"),
            summary=html_to_text(post.excerpt) or summary_from_html(post.content),
            parts=parts,
            live=live,
            date=(post.date or post.date_gmt).date() if (post.date or post.date_gmt) else None,
            published_at=published if live else None,
            modified_at=post.modified_gmt if live else None,
            authors=[author] if author else [],
            techniques=techniques,
            tags=list(dict.fromkeys(tag[:100] for tag in tags)),
            image=hero,
            comments_open=post.comment_status != "closed",
            comments=self.comments(post, published or post.modified_gmt, report),
            old_urls=old_urls,
        )

    def comments(self, post, published, report):
        kept = []
        for comment in post.comments:
            if comment.is_ping:
                report.count("comment", SKIPPED, _("pingbacks and trackbacks"))
                continue
            if comment.status is None:
                reason = _("unknown status %(status)s") % {"status": comment.approved or "?"}
                report.count("comment", SKIPPED, reason)
                continue
            kept.append(
                CommentData(
                    id=comment.id,
                    parent="" if comment.parent in ("", "0") else comment.parent,
                    name=html_to_text(comment.author),
                    email=clean_email(comment.email),
                    body=html_to_text(comment.content),
                    status=comment.status,
                    created_at=comment.date or published or timezone.now(),
                )
            )
        return kept
