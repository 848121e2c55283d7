"""What Jekyll and Hugo sites share: a post as their readers (jekyll.py, hugo.py) give it,
its Markdown body with the pictures taken out into image blocks, and its writing as an
article, with authors found or made by name and its old addresses as redirects."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from blog.core.markdown import markdown_to_text

from ..articles import ArticleData, short_text, title_from_text
from ..html import ImageRef
from ..markdown_files import file_digest
from ..report import SKIPPED
from ..writer import ArticleWriter, AuthorResolver

SOURCE = "markdown"
# ![alt](src "title"), maybe inside a link: [![alt](src)](href).
IMAGE = re.compile(
    r"\[?!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^\s)>]+)>?(?:\s+[\"']((?:[^\"\\]|\\.)*)[\"'])?\s*\)"
    r"(?:\]\([^)]*\))?"
)
FENCE = re.compile(r"^\s*(```|~~~)")
MORE = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.M | re.I)


@dataclass
class StaticPost:
    """A post of a Jekyll or Hugo site, read: its body still Markdown with the site's own
    template tags converted (``removed`` counts those taken out, by name)."""

    path: str  # within the site, for messages
    kind: str  # "jekyll" or "hugo": keys are the kind's own
    slug: str
    title: str
    date: datetime.datetime | None
    body: str
    draft: bool = False
    go_live_at: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    summary: str = ""
    authors: list = field(default_factory=list)  # names
    tags: list = field(default_factory=list)
    image: str = ""  # a path within the site, or a URL
    image_alt: str = ""
    old_urls: list = field(default_factory=list)
    removed: Counter = field(default_factory=Counter)
    key_suffix: str = ""  # the date, for a second post of the same slug
    # Where its pictures' relative paths start (a Hugo page bundle's folder).
    folder: str = ""


def summary_of(body):
    """The first paragraph of a Markdown body, as text (Jekyll's excerpt, Hugo's summary
    without <!--more-->)."""
    for paragraph in paragraphs(MORE.split(body, maxsplit=1)[0]):
        if IMAGE.fullmatch(paragraph.strip()) or FENCE.match(paragraph):
            continue
        text = markdown_to_text(paragraph)
        if text:
            return text
    return ""


def paragraphs(text):
    """Markdown split at blank lines, a fenced code block kept whole."""
    found, current, fenced = [], [], None
    for line in text.split("\n"):
        opening = FENCE.match(line)
        if fenced is None and opening:
            fenced = opening[1]
        elif fenced is not None and line.strip().startswith(fenced):
            fenced = None
        if fenced is None and not line.strip() and not opening:
            if current:
                found.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        found.append("\n".join(current))
    return found


def split_body(body, locate, missing):
    """The body as Markdown texts and ImageRefs: a picture alone in its paragraph becomes
    an image block there; pictures inside a paragraph follow it. ``locate(src)`` gives
    where a picture is (a path in the site, or a URL), or "" if it is nowhere: those go
    into ``missing``."""
    parts, text = [], []

    def flush():
        if text:
            parts.append("\n\n".join(text) + "\n")
            text.clear()

    for paragraph in paragraphs(MORE.sub("", body)):
        if FENCE.match(paragraph):
            text.append(paragraph)
            continue
        pictures = list(IMAGE.finditer(paragraph))
        rest = IMAGE.sub("", paragraph).strip() if pictures else paragraph
        if rest:
            text.append(rest)
        refs = [picture_ref(match, locate, missing) for match in pictures]
        if any(refs):
            flush()
            parts.extend(ref for ref in refs if ref)
    flush()
    return parts


def picture_ref(match, locate, missing):
    src = unquote(match[2])
    found = locate(src)
    if not found:
        missing.append(src)
        return None
    alt = " ".join(match[1].replace("\\", "").split())
    caption = " ".join((match[3] or "").replace("\\", "").split())
    remote = urlsplit(found).scheme in ("http", "https")
    title = PurePosixPath(urlsplit(found).path).stem
    return ImageRef(found, alt, caption, title, found if remote else "")


def locator(site, folder, roots=("",)):
    """``locate(src)`` for split_body: a picture's path within ``site``, looked for beside
    the post (``folder``) and under each of ``roots`` for a path from the site's root; a
    URL as it is."""
    site = Path(site)

    def locate(src):
        if urlsplit(src).scheme in ("http", "https"):
            return src
        if urlsplit(src).scheme or src.startswith("//"):
            return ""
        path = urlsplit(src).path
        candidates = [f"{root}/{path.lstrip('/')}".lstrip("/") for root in roots]
        if not path.startswith("/"):
            candidates.insert(0, f"{folder}/{path}".lstrip("/"))
        for candidate in candidates:
            normal = PurePosixPath(candidate)
            if ".." not in normal.parts and (site / normal).is_file():
                return str(normal)
        return ""

    return locate


class StaticSiteImporter:
    """Writes the posts of a Jekyll or Hugo site as articles under ``blog``."""

    def __init__(self, directory, report, images, blog, authors_index, default_author=""):
        self.directory = Path(directory)
        self.report = report
        self.blog = blog
        self.default_author = default_author
        self.resolver = AuthorResolver(SOURCE, report, images, authors_index)
        self.writer = ArticleWriter(SOURCE, report, images, blog)

    def run(self, posts, locate_for, progress=None):
        for post in posts:
            data = self.article(post, locate_for(post))
            for name, number in sorted(post.removed.items()):
                self.report.count("markup", SKIPPED, name, number)
            self.writer.write(data)
            if progress:
                progress.step()

    def article(self, post, locate):
        missing = []
        parts = split_body(post.body, locate, missing)
        for src in missing:
            self.report.warn(
                _("%(path)s: the picture %(image)s is not in the site, so it is left out")
                % {"path": post.path, "image": src}
            )
        image = None
        if post.image:
            found = locate(post.image)
            if found:
                image = ImageRef(found, post.image_alt, "", PurePosixPath(found).stem)
            else:
                self.report.warn(
                    _("%(path)s: its picture %(image)s is not in the site")
                    % {"path": post.path, "image": post.image}
                )
        names = post.authors or ([self.default_author] if self.default_author else [])
        authors = []
        for name in names:
            author = self.resolver.get(f"author:{short_text(name, 200).lower()}", name)
            if author is not None and author not in authors:
                authors.append(author)
        live = not post.draft and post.go_live_at is None
        summary = post.summary or summary_of(post.body)
        key = f"{post.kind}:{self.blog.pk}:{post.slug}{post.key_suffix}"
        return ArticleData(
            key=key,
            title=post.title or title_from_text(summary),
            slug=post.slug,
            summary=short_text(summary, 300),
            parts=parts,
            live=live,
            go_live_at=post.go_live_at if not post.draft else None,
            date=post.date.date() if post.date else None,  # the day as the file says
            published_at=post.date if live else None,
            modified_at=post.modified if live else None,
            authors=authors,
            tags=list(dict.fromkeys(tag[:100] for tag in post.tags)),
            image=image,
            old_urls=post.old_urls,
            extra=[self.file_digest(part.src) for part in parts if isinstance(part, ImageRef)]
            + [self.file_digest(image.src) if image else ""],
        )

    def file_digest(self, path):
        full = self.directory / path
        return file_digest(full) if urlsplit(path).scheme == "" and full.is_file() else path

    def finish(self):
        self.writer.finish()


def deduplicate_keys(posts):
    """A second post of the same slug (Jekyll keeps both, on other dates) gets its date in
    its key, so each keeps its own article from one import to the next."""
    seen = Counter()
    for post in sorted(posts, key=lambda p: (p.date is None, p.date or 0, p.path)):
        seen[post.slug] += 1
        if seen[post.slug] > 1:
            post.key_suffix = f":{post.date.date() if post.date else post.path}"
