from urllib.parse import unquote, urlsplit

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.transfer.articles import ArticleData, make_slug
from blog.transfer.commands import ImportCommand, authors_index, find_blog
from blog.transfer.feeds import FeedError, load, parse_feed
from blog.transfer.html import ImageRef, html_to_text, split_html, summary_from_html
from blog.transfer.images import ImageStore
from blog.transfer.report import SKIPPED
from blog.transfer.writer import ArticleWriter, AuthorResolver

SOURCE = "feed"


def slug_from_link(link):
    """The last part of an entry's address, which most blogs make from the title."""
    path = unquote(urlsplit(link).path).rstrip("/")
    return path.rsplit("/", 1)[-1]


class Command(ImportCommand):
    help = _(
        "Import the posts of an RSS 2.0 or Atom feed (a URL or a file): Wix, Squarespace, "
        "Ghost, Medium and most blogs publish one. Run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("feed", help=_("The feed's URL, or a file holding it."))
        self.add_common_arguments(parser)
        self.add_picture_arguments(parser, _("A folder of the pictures, read before fetching any."))
        parser.add_argument(
            "--author",
            help=_("The author of posts the feed names no author for (a name)."),
        )

    def handle(self, *args, **options):
        self.options = options
        location = options["feed"]
        try:
            feed = parse_feed(load(location), location)
        except FeedError as error:
            raise CommandError(str(error)) from error
        blog = find_blog(options["blog"])
        report = self.new_report()
        images = ImageStore(
            SOURCE, report, media_dir=options["media_dir"], fetch=not options["no_fetch"]
        )
        with self.maybe_dry_run(report):
            index = authors_index(options["authors_index"], blog)
            resolver = AuthorResolver(SOURCE, report, images, index)
            writer = ArticleWriter(SOURCE, report, images, blog)
            progress = self.progress(len(feed.entries), _("Entries"))
            for entry in feed.entries:
                self.import_entry(entry, resolver, writer, images, report)
                progress.step()
            progress.close()
        self.summary(report, _("Imported %(feed)s:") % {"feed": location})

    def import_entry(self, entry, resolver, writer, images, report):
        if not entry.key:
            report.count("article", SKIPPED, _("no id, link or title"))
            return
        names = entry.authors or ([self.options["author"]] if self.options["author"] else [])
        authors = []
        for name in names:
            author = resolver.get(f"author:{name.strip().lower()}", name)
            if author is not None and author not in authors:
                authors.append(author)
        title = html_to_text(entry.title)
        parts = split_html(entry.content)
        hero = ImageRef(entry.image, entry.image_alt) if entry.image else None
        if hero is None:
            # Feeds without a picture of their own often start with one.
            first = next((part for part in parts if isinstance(part, ImageRef)), None)
            if first is not None and parts.index(first) == 0:
                hero = first
                parts = parts[1:]
        published = entry.published
        data = ArticleData(
            key=entry.key,
            title=title,
            slug=make_slug(slug_from_link(entry.link) or title),
            summary=html_to_text(entry.summary) or summary_from_html(entry.content),
            parts=parts,
            live=True,
            date=timezone.localdate(published) if published else None,
            published_at=published,
            modified_at=entry.updated,
            authors=authors,
            tags=list(dict.fromkeys(tag[:100] for tag in entry.tags)),
            image=hero,
            old_urls=[entry.link],
        )
        if not report.dry_run and not writer.unchanged(data):
            locations = [part.src for part in data.parts if isinstance(part, ImageRef)]
            images.prefetch([*locations, hero.src if hero else None])
        writer.write(data)
