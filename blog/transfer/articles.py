"""An article as an importer read it, before it is written (blog.transfer.writer writes
it), and the small text helpers every importer uses on the way."""

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field

from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from blog.models import AuthorPage

from .html import ImageRef

SENTENCE_END = re.compile(r"(?<=[.!?])\s")


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
    # Not live yet: Wagtail publishes it then (a scheduled post).
    go_live_at: dt.datetime | None = None
    # Live behind Wagtail's password view restriction (a password-protected post).
    password: str = ""
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
    # The key an earlier version of the importer kept the article under, if another.
    former_key: str = ""

    @property
    def label(self):
        return f"{self.title or _('(no title)')} [{self.key}]"

    def digest(self):
        def plain(part):
            if isinstance(part, ImageRef):
                image = ["image", part.src, part.alt, part.caption]
                return [*image, part.fallback] if part.fallback else image
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
        if self.go_live_at is not None:
            data["go_live_at"] = self.go_live_at
        if self.password:
            data["password"] = self.password
        return fingerprint(data)


def fingerprint(data):
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def make_slug(text, fallback="post"):
    return slugify(text or "", allow_unicode=True)[:240].strip("-") or fallback


def short_text(text, length):
    """``text`` on one line, cut to ``length`` characters."""
    return Truncator(" ".join((text or "").split())).chars(length)


def clip(text, length):
    """``text`` as it is, unless it is longer than ``length``."""
    text = text or ""
    return text if len(text) <= length else Truncator(text).chars(length)


def title_from_text(text, words=8):
    """A title for a post that has none: its first sentence if that is short, else its first
    words."""
    text = " ".join((text or "").split())
    sentence = SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".!?")
    if 0 < len(sentence.split()) <= words + 2:
        return sentence
    return Truncator(text).words(words) or _("(no title)")
