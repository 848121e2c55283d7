"""Writing what an importer read: articles (with their authors, techniques, tags, pictures,
comments and old links), each in a transaction of its own, so one broken post never stops a
run nor leaves half an article behind."""

import posixpath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from blog.models import ArticleAuthor, ArticlePage, ArticleReference, ArticleTechnique, AuthorPage

from . import records
from .articles import clip, make_slug, short_text, unchanged
from .comment_writer import CommentWriter, comment_key
from .html import ImageRef
from .report import CREATED, SKIPPED, UPDATED


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


def image_value(image, ref):
    return {
        "image": {"image": image.pk, "alt_text": ref.alt, "decorative": not ref.alt},
        "caption": clip(ref.caption, 250),
    }


def fallback_link(ref):
    """A picture that could not be had, as a Markdown link to where it was."""
    text = ref.alt or ref.caption or posixpath.basename(urlsplit(ref.fallback).path)
    text = (text or ref.fallback).replace("[", "\\[").replace("]", "\\]")
    return f"[{text}]({ref.fallback.replace(' ', '%20').replace(')', '%29')})"


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
        self.comment_writer = CommentWriter(source, report)

    def unchanged(self, data):
        """Whether ``data`` was imported before as it is (so its pictures need no fetching)."""
        found = records.record(self.source, data.key)
        return found is not None and found.digest == data.digest()

    def write(self, data):
        """Create or update the article for ``data``; the page, or None if it failed."""
        return self.atomic("article", data.label, lambda pending: self._write(data, pending))

    def _write(self, data, pending):
        found = records.record(self.source, data.key)
        if found is None and data.former_key:
            found = records.take_over(self.source, data.former_key, data.key, comment_key)
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
            self.restrict(page, data.password)
            if page.live or data.go_live_at:
                self.redirects(page, data.old_urls)
        if data.comments:
            self.comment_writer.write(page, data)
        return page

    # The page

    def body(self, data, pending):
        blocks = []
        for part in data.parts:
            if isinstance(part, ImageRef):
                image = self.image(part, pending)
                if image is not None:
                    blocks.append({"type": "image", "value": image_value(image, part)})
                    continue
                if not part.fallback:
                    continue  # left out: the reason is reported
                part = fallback_link(part)
            if isinstance(part, tuple):
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
        page.go_live_at = data.go_live_at
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
        elif data.go_live_at:
            revision.publish()  # Wagtail keeps it for the go-live date
        return page

    def update(self, page, data, body, image):
        page = ArticlePage.objects.get(pk=page.pk)
        if page.live and not data.live:
            page.unpublish()  # a draft or scheduled again
        self.fill(page, data, body, image)
        if page.slug != data.slug:
            self.set_slug(page, data)
        page.tags.set(data.tags)
        revision = page.save_revision()
        if data.live:
            self.publish(page, revision, data.published_at, data.modified_at)
        elif data.go_live_at:
            revision.publish()  # Wagtail keeps it for the go-live date
        return page

    def restrict(self, page, password):
        """A password-protected post stays behind its password: Wagtail's own password view
        restriction. One that lost its password keeps the restriction (it may be the site
        owner's): lifting it is left to a person, and said."""
        restriction = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.PASSWORD
        ).first()
        if password and restriction is None:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
            )
        elif password and restriction.password != password:
            restriction.password = password
            restriction.save()
        elif not password and restriction is not None:
            self.report.warn(
                _(
                    "%(title)s has no password on the old blog any more, but it still has one "
                    "here: remove it under Privacy in Wagtail if it should be public."
                )
                % {"title": page.title}
            )

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

    def finish(self):
        self.comment_writer.finish()


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
