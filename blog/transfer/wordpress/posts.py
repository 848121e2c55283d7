"""A WordPress post as an article: what becomes of each status, of a password, a schedule,
a missing title, the shortcodes and blocks of the body, and the comments.

=============================  ==============================================================
WordPress                      here
=============================  ==============================================================
publish                        live, with its original date
publish with a password        live behind Wagtail's password view restriction, same password
future (scheduled)             scheduled: Wagtail publishes it on its date (live at once if
                               that date has passed)
draft, pending, private        an unpublished draft
trash, auto-draft              skipped
sticky                         imported, and reported (Wagtail has no sticky articles)
no title                       titled with its first words
=============================  ==============================================================
"""

from dataclasses import replace
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.comments.models import ReaderComment

from .. import embeds
from ..articles import ArticleData, CommentData, make_slug, title_from_text
from ..html import ImageRef, html_to_text, split_html, summary_from_html
from ..report import SKIPPED
from .shortcodes import Expander

COMMENT_STATUSES = {
    "1": ReaderComment.Status.APPROVED,
    "approve": ReaderComment.Status.APPROVED,
    "0": ReaderComment.Status.PENDING,
    "hold": ReaderComment.Status.PENDING,
    "spam": ReaderComment.Status.SPAM,
    "trash": ReaderComment.Status.REJECTED,
    "post-trashed": ReaderComment.Status.REJECTED,
}
PING_TYPES = {"pingback", "trackback"}
DRAFT_STATUSES = {"draft", "pending", "private"}
DEFAULT_CATEGORY = "uncategorized"
# Squarespace writes page names as file names ("basic-post.html", "blog/2023/04/05/x").
PAGE_NAME_SUFFIXES = (".html", ".htm")


def clean_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


class PostReader:
    """Reads the posts of one export as ArticleData, noting in ``report`` what it skips
    and removes. ``authors(login)`` gives the author page of a login (or None),
    ``techniques`` maps category names and slugs (lower case) to technique pages."""

    def __init__(self, export, report, authors, techniques):
        self.export = export
        self.report = report
        self.authors = authors
        self.techniques = techniques
        self.now = timezone.now()

    def key(self, post):
        return f"{self.export.site}#post:{post.id}"

    def article(self, post):
        """The ArticleData of ``post``, or None if it is not to be imported (counted)."""
        publish = post.status == "publish"
        scheduled = post.status == "future"
        if not (publish or scheduled or post.status in DRAFT_STATUSES):
            reason = _("status %(status)s (trash or auto-draft)") % {"status": post.status or "?"}
            self.report.count("article", SKIPPED, reason)
            return None
        published = post.date_gmt or post.date
        go_live_at = None
        if scheduled and published is not None and published > self.now:
            go_live_at = published
        live = publish or (scheduled and go_live_at is None)
        expander = Expander(self.export, post.id)
        parts = self.body(post, expander)
        plain = expander.strip(post.content)
        summary = " ".join(html_to_text(expander.strip(post.excerpt)).split())
        summary = summary or summary_from_html(plain)
        title = html_to_text(unescape(post.title)) or title_from_text(summary_from_html(plain))
        self.note(post, title, expander)
        techniques, tags = self.terms(post)
        author = self.authors(post.creator) if post.creator else None
        local_date = post.date or post.date_gmt
        return ArticleData(
            key=self.key(post),
            former_key=post.guid or f"wordpress-post:{post.id}",
            title=title,
            slug=make_slug(self.name(post) or title, f"post-{post.id}"),
            summary=summary,
            parts=parts,
            live=live,
            go_live_at=go_live_at,
            password=post.password if (live or go_live_at) else "",
            date=local_date.date() if local_date else None,
            published_at=published if live else None,
            modified_at=post.modified_gmt if live else None,
            authors=[author] if author else [],
            techniques=techniques,
            tags=list(dict.fromkeys(tag[:100] for tag in tags)),
            image=self.hero(post),
            comments_open=post.comment_status != "closed",
            comments=self.comments(post, published or post.modified_gmt),
            old_urls=self.old_urls(post),
        )

    def name(self, post):
        """The slug the old blog gave the post, unless it is only its id (as WordPress
        names a post without a title)."""
        name = page_name(post.slug)
        return "" if name == post.id else name

    def body(self, post, expander):
        """Markdown texts and pictures: shortcodes expanded, media URLs alone on their line
        linked, block comments dropped (by the sanitiser)."""
        parts = []
        for part in expander.expand(post.content):
            if isinstance(part, ImageRef):
                parts.append(part)
                continue
            for piece in split_html(embeds.link_bare_media_urls(part)):
                if isinstance(piece, ImageRef):
                    src = self.absolute(piece.src)
                    piece = replace(piece, src=src, fallback=src if piece.fallback else "")
                parts.append(piece)
        return parts

    def note(self, post, title, expander):
        for name, number in sorted(expander.removed.items()):
            self.report.count("markup", SKIPPED, f"[{name}]", number)
        for picture in expander.missing:
            self.report.warn(
                _("%(title)s: picture %(id)s of a gallery is not in the export; it is a link")
                % {"title": title, "id": picture}
            )
        if post.sticky:
            self.report.warn(
                _(
                    "%(title)s was a sticky post: Wagtail has no sticky articles, so it is "
                    "listed by its date"
                )
                % {"title": title}
            )

    def terms(self, post):
        techniques, tags = [], [name for name, _slug in post.tags]
        for name, nicename in post.categories:
            technique = self.techniques.get(name.lower()) or self.techniques.get(nicename.lower())
            if technique is not None:
                if technique not in techniques:
                    techniques.append(technique)
            elif nicename != DEFAULT_CATEGORY:
                tags.append(name)
        return techniques, tags

    def absolute(self, src):
        return urljoin(self.export.site + "/", src) if src else ""

    def hero(self, post):
        """The featured picture: the attachment _thumbnail_id names; in a Squarespace export,
        which may name none, the picture attached to the post (the item after it)."""
        attachment = self.export.attachments.get((post.meta.get("_thumbnail_id") or "").strip())
        if attachment is None and not self.export.from_wordpress:
            attachment = next(iter(self.export.attached_images(post.id)), None)
        if attachment is None or not attachment.url:
            return None
        return ImageRef(
            src=self.absolute(attachment.url), alt=attachment.alt, title=attachment.title
        )

    def old_urls(self, post):
        urls = []
        if post.link and urlsplit(post.link).path not in ("", "/null"):
            urls.append(self.absolute(post.link))
        if self.export.from_wordpress:
            urls.append(f"{self.export.site}/?p={post.id}")
        return urls

    def comments(self, post, published):
        kept = []
        for comment in post.comments:
            if comment.type in PING_TYPES:
                self.report.count("comment", SKIPPED, _("pingbacks and trackbacks"))
                continue
            status = COMMENT_STATUSES.get(comment.approved)
            if status is None:
                reason = _("unknown status %(status)s") % {"status": comment.approved or "?"}
                self.report.count("comment", SKIPPED, reason)
                continue
            kept.append(
                CommentData(
                    id=comment.id,
                    parent="" if comment.parent in ("", "0") else comment.parent,
                    name=html_to_text(comment.author),
                    email=clean_email(comment.email),
                    body=html_to_text(comment.content),
                    status=status,
                    created_at=comment.date or published or self.now,
                )
            )
        return kept


def page_name(name):
    """The slug in a post's name: Squarespace's "blog/2023/04/05/basic-post.html" is
    "basic-post"."""
    name = unquote(name or "").strip("/").rsplit("/", 1)[-1]
    for suffix in PAGE_NAME_SUFFIXES:
        name = name.removesuffix(suffix)
    return name
