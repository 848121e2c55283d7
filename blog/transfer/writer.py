"""Writing what an importer read: articles (with their authors, techniques, tags, pictures,
comments and old links), each in a transaction of its own, so one broken post never stops a
run nor leaves half an article behind."""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

from blog.comments.invalidation import comments_changed
from blog.comments.models import ReaderComment
from blog.models import ArticleAuthor, ArticlePage, ArticleReference, ArticleTechnique, AuthorPage

from . import records
from .html import ImageRef
from .models import ImportRecord
from .report import CREATED, SKIPPED, UPDATED


def unchanged():
    return _("unchanged since the last import")


@dataclass
class CommentData:
    id: str
    parent: str
    name: str
    email: str
    body: str
    status: str
    created_at: dt.datetime


@dataclass
class ArticleData:
    """An article as an importer read it, before it is written."""

    key: str
    title: str
    slug: str
    summary: str
    # Markdown texts, ImageRefs and (block type, value) pairs for the other blocks.
    parts: list
    live: bool = True
    date: dt.date | None = None
    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    authors: list = field(default_factory=list)  # AuthorPages
    techniques: list = field(default_factory=list)  # TechniquePages
    tags: list = field(default_factory=list)
    image: ImageRef | None = None
    reviewer: AuthorPage | None = None
    last_reviewed: dt.date | None = None
    review_interval_months: int | None = None  # None: the site's
    show_contents: bool = True
    references: list = field(default_factory=list)  # dicts: citation, url, doi
    comments_open: bool | None = None
    comments: list = field(default_factory=list)  # CommentData
    old_urls: list = field(default_factory=list)
    # Anything else whose change should update the article (the pictures' file hashes).
    extra: list = field(default_factory=list)

    @property
    def label(self):
        return f"{self.title or _('(no title)')} [{self.key}]"

    def digest(self):
        def plain(part):
            if isinstance(part, ImageRef):
                return ["image", part.src, part.alt, part.caption]
            if isinstance(part, tuple):
                block_type, value = part
                value = {k: getattr(v, "pk", v) for k, v in value.items()}
                return [block_type, value]
            return part

        data = {
            "title": self.title,
            "slug": self.slug,
            "summary": self.summary,
            "parts": [plain(part) for part in self.parts],
            "live": self.live,
            "date": self.date,
            "published_at": self.published_at,
            "modified_at": self.modified_at,
            "authors": [a.pk for a in self.authors],
            "techniques": [t.pk for t in self.techniques],
            "tags": sorted(self.tags),
            "image": [self.image.src, self.image.alt] if self.image else None,
            "reviewer": self.reviewer.pk if self.reviewer else None,
            "last_reviewed": self.last_reviewed,
            "references": self.references,
            "comments_open": self.comments_open,
            "extra": self.extra,
        }
        # Later fields count only when set: earlier imports' digests stay valid.
        if self.review_interval_months is not None:
            data["review_interval_months"] = self.review_interval_months
        if not self.show_contents:
            data["show_contents"] = False
        return fingerprint(data)


def fingerprint(data):
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def describe(error):
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
        return " ".join(error.messages)
    return f"{type(error).__name__}: {error}"


def unique_slug(parent, wanted, exclude_pk=None):
    """``wanted``, or ``wanted-2``, ``-3``... if a sibling under ``parent`` has it."""
    wanted = (wanted or "")[:240].strip("-") or "post"
    siblings = parent.get_children()
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = wanted, 1
    while slug in taken:
        number += 1
        slug = f"{wanted}-{number}"
    return slug


def make_slug(text, fallback="post"):
    return slugify(text or "", allow_unicode=True)[:240].strip("-") or fallback


def short_text(text, length):
    """``text`` on one line, cut to ``length`` characters."""
    return Truncator(" ".join((text or "").split())).chars(length)


def clip(text, length):
    """``text`` as it is, unless it is longer than ``length``."""
    text = text or ""
    return text if len(text) <= length else Truncator(text).chars(length)


class PageWriter:
    """What the writers of articles, authors and techniques share."""

    def __init__(self, source, report, images):
        self.source = source
        self.report = report
        self.images = images

    def atomic(self, kind, label, write):
        """Run ``write(pending)`` in a transaction of its own; on any error roll back, report
        why, and go on. Returns what ``write`` returned, or None."""
        pending = {}
        counted = self.report.snapshot()
        try:
            with transaction.atomic():
                result = write(pending)
        except Exception as error:
            self.report.restore(counted)  # what was counted was rolled back
            self.report.fail(kind, label, describe(error))
            return None
        self.images.committed(pending)
        return result

    def image(self, ref, pending):
        if ref is None or not ref.src:
            return None
        return self.images.get(ref.src, ref.title or ref.alt, pending)

    def publish(self, page, revision, published_at=None, modified_at=None):
        revision.publish()
        if published_at is not None:
            appeared = page.first_published_at or published_at
            last = modified_at if modified_at and modified_at > appeared else appeared
            type(page).objects.filter(pk=page.pk).update(last_published_at=last)
            page.last_published_at = last


class ArticleWriter(PageWriter):
    def __init__(self, source, report, images, blog, match_slugs=False, merge_markdown=True):
        super().__init__(source, report, images)
        self.blog = blog
        self.merge_markdown = merge_markdown
        self.site = blog.get_site()
        self.match_slugs = match_slugs
        self.touched_comment_pages = set()

    def unchanged(self, data):
        """Whether ``data`` was imported before as it is (so its pictures need no fetching)."""
        found = records.record(self.source, data.key)
        return found is not None and found.digest == data.digest()

    def write(self, data):
        """Create or update the article for ``data``; the page, or None if it failed."""
        return self.atomic("article", data.label, lambda pending: self._write(data, pending))

    def _write(self, data, pending):
        found = records.record(self.source, data.key)
        page = records.target(found, ArticlePage)
        if page is None and self.match_slugs:
            page = ArticlePage.objects.child_of(self.blog).filter(slug=data.slug).first()
        digest = data.digest()
        if page is not None and found is not None and found.digest == digest:
            self.report.count("article", SKIPPED, unchanged())
        else:
            body = self.body(data, pending)
            image = self.image(data.image, pending)
            if page is None:
                page = self.create(data, body, image)
                self.report.count("article", CREATED)
            else:
                page = self.update(page, data, body, image)
                self.report.count("article", UPDATED)
            records.remember(self.source, data.key, page, digest)
            if page.live:
                self.redirects(page, data.old_urls)
        if data.comments:
            self.comments(page, data)
        return page

    # The page

    def body(self, data, pending):
        blocks = []
        for part in data.parts:
            if isinstance(part, ImageRef):
                image = self.image(part, pending)
                if image is not None:
                    value = {
                        "image": {
                            "image": image.pk,
                            "alt_text": part.alt,
                            "decorative": not part.alt,
                        },
                        "caption": clip(part.caption, 250),
                    }
                    blocks.append({"type": "image", "value": value})
            elif isinstance(part, tuple):
                block_type, value = part
                value = {k: getattr(v, "pk", v) for k, v in value.items()}
                blocks.append({"type": block_type, "value": value})
            elif part.strip():
                if blocks and blocks[-1]["type"] == "markdown" and self.merge_markdown:
                    # An image that could not be had leaves one text, not two.
                    blocks[-1]["value"] += "\n\n" + part
                else:
                    blocks.append({"type": "markdown", "value": part})
        if not any(block["type"] == "markdown" for block in blocks):
            # An article needs some text: a post that was only pictures keeps its summary.
            blocks.insert(0, {"type": "markdown", "value": data.summary or data.title})
        return blocks

    def fill(self, page, data, body, image):
        page.title = clip(data.title, 255) or _("(no title)")
        page.summary = clip(data.summary, 300) or page.title
        page.date = data.date
        page.body = body
        page.image = image
        page.image_alt = clip(data.image.alt, 255) if (image and data.image) else ""
        page.reviewer = data.reviewer
        page.last_reviewed = data.last_reviewed if data.reviewer else None
        page.review_interval_months = data.review_interval_months
        page.show_contents = data.show_contents
        if data.comments_open is not None:
            page.comments_open = data.comments_open
        page.author_links = [ArticleAuthor(author=author) for author in data.authors]
        page.technique_links = [ArticleTechnique(technique=t) for t in data.techniques]
        page.references = [ArticleReference(**reference) for reference in data.references]

    def set_slug(self, page, data):
        slug = unique_slug(self.blog, data.slug, exclude_pk=page.pk)
        if slug != data.slug:
            self.report.warn(
                _("%(label)s: the slug %(wanted)s is taken here, so it is %(slug)s")
                % {"label": data.label, "wanted": data.slug, "slug": slug}
            )
        page.slug = slug

    def create(self, data, body, image):
        page = ArticlePage(live=data.live)
        self.fill(page, data, body, image)
        self.set_slug(page, data)
        if data.tags:
            page.tags.add(*data.tags)
        if data.live and data.published_at is not None:
            page.first_published_at = data.published_at
        self.blog.add_child(instance=page)
        revision = page.save_revision()
        if data.live:
            self.publish(page, revision, data.published_at, data.modified_at)
        return page

    def update(self, page, data, body, image):
        page = ArticlePage.objects.get(pk=page.pk)
        self.fill(page, data, body, image)
        if page.slug != data.slug:
            self.set_slug(page, data)
        page.tags.set(data.tags)
        revision = page.save_revision()
        if data.live:
            self.publish(page, revision, data.published_at, data.modified_at)
        elif page.live:
            page.unpublish()
        return page

    # Old links

    def redirects(self, page, urls):
        parts = page.get_url_parts()
        new_path = Redirect.normalise_path(parts[2]) if parts else ""
        for url in dict.fromkeys(urls):
            if not url:
                continue
            path = Redirect.normalise_path(url)
            if path == "/" or path == new_path:
                continue
            if len(path) > 255:
                self.report.count("redirect", SKIPPED, _("old path longer than 255 characters"))
                continue
            existing = Redirect.objects.filter(site=self.site, old_path=path).first()
            if existing is None:
                Redirect.objects.create(
                    site=self.site, old_path=path, redirect_page=page, is_permanent=True
                )
                self.report.count("redirect", CREATED)
            elif existing.redirect_page_id == page.pk and not existing.redirect_link:
                self.report.count("redirect", SKIPPED, unchanged())
            else:
                existing.redirect_page, existing.redirect_link = page, ""
                existing.save()
                self.report.count("redirect", UPDATED)

    # Comments

    def comment_key(self, data, comment):
        return f"{data.key}#comment-{comment.id}"

    def comments(self, page, data):
        """Create the post's comments level by level (each reply after its parent, so it
        takes the parent's thread), and update those imported before if they changed."""
        keys = {
            comment.id: records.clip(self.comment_key(data, comment)) for comment in data.comments
        }
        found = {
            record.key: record
            for record in ImportRecord.objects.filter(source=self.source, key__in=keys.values())
        }
        existing = ReaderComment.objects.in_bulk([record.object_id for record in found.values()])
        made = {}  # comment id -> ReaderComment
        by_id = {comment.id: comment for comment in data.comments}
        for comment in data.comments:
            record = found.get(keys[comment.id])
            if record is not None and record.object_id in existing:
                made[comment.id] = existing[record.object_id]

        def depth(comment, seen=()):
            parent = by_id.get(comment.parent)
            if parent is None or comment.id in seen:
                return 1
            return depth(parent, (*seen, comment.id)) + 1

        levels = {}
        for comment in data.comments:
            levels.setdefault(depth(comment), []).append(comment)
        changed = False
        new_records, updated_records = [], []
        for level in sorted(levels):
            fresh = []
            for comment in levels[level]:
                digest = fingerprint(
                    [
                        comment.parent,
                        comment.name,
                        comment.email,
                        comment.body,
                        comment.status,
                        comment.created_at,
                    ]
                )
                obj = made.get(comment.id)
                if obj is not None:
                    record = found[keys[comment.id]]
                    if record.digest == digest:
                        self.report.count("comment", SKIPPED, unchanged())
                        continue
                    self.fill_comment(obj, comment)
                    obj.save()
                    record.digest = digest
                    updated_records.append(record)
                    self.report.count("comment", UPDATED)
                    changed = True
                    continue
                obj = ReaderComment(page_id=page.pk)
                self.fill_comment(obj, comment)
                obj.reply_to(made.get(comment.parent))
                fresh.append((comment, obj, digest))
            if not fresh:
                continue
            objects = [obj for _comment, obj, _digest in fresh]
            if connection.features.can_return_rows_from_bulk_insert:
                ReaderComment.objects.bulk_create(objects)
            else:  # pragma: no cover (every database Django supports here returns them)
                for obj in objects:
                    obj.save()
            for comment, obj, digest in fresh:
                made[comment.id] = obj
                new_records.append((keys[comment.id], obj, digest))
            self.report.count("comment", CREATED, number=len(fresh))
            changed = True
        if new_records:
            content_type = records.ContentType.objects.get_for_model(ReaderComment)
            stale = [key for key, _obj, _digest in new_records if key in found]
            ImportRecord.objects.filter(source=self.source, key__in=stale).delete()
            ImportRecord.objects.bulk_create(
                ImportRecord(
                    source=self.source,
                    key=key,
                    content_type=content_type,
                    object_id=obj.pk,
                    digest=digest,
                )
                for key, obj, digest in new_records
            )
        if updated_records:
            ImportRecord.objects.bulk_update(updated_records, ["digest"])
        if changed:
            self.touched_comment_pages.add(page.pk)

    def fill_comment(self, obj, comment):
        obj.name = short_text(comment.name, 80) or _("Anonymous")
        obj.email = comment.email
        obj.body = comment.body
        obj.status = comment.status
        obj.created_at = comment.created_at

    def finish(self):
        """After the run: the pages whose comments changed show them (page cache tags)."""
        pages = set(self.touched_comment_pages)
        if pages:
            transaction.on_commit(lambda: comments_changed(pages))


class AuthorResolver(PageWriter):
    """Author profiles for the names another blog gives: one imported before, else a profile
    here of the same name, else a new one under the author index."""

    def __init__(self, source, report, images, index):
        super().__init__(source, report, images)
        self.index = index
        self.cache = {}

    def get(self, key, name):
        if key in self.cache:
            return self.cache[key]
        page = self.atomic("author", name or key, lambda pending: self._get(key, name))
        if page is not None:
            self.cache[key] = page
        return page

    def _get(self, key, name):
        page = records.find(self.source, key, AuthorPage)
        if page is not None:
            self.report.count("author", SKIPPED, _("already imported"))
            return page
        name = short_text(name, 255) or _("Anonymous")
        page = AuthorPage.objects.filter(title__iexact=name).order_by("path").first()
        if page is not None:
            self.report.count("author", SKIPPED, _("a profile of that name is already here"))
        else:
            page = AuthorPage(
                title=name,
                slug=unique_slug(self.index, make_slug(name, "author")),
                short_bio=_("Writes for this blog."),
            )
            self.index.add_child(instance=page)
            page.save_revision().publish()
            self.report.count("author", CREATED)
        records.remember(self.source, key, page)
        return page
