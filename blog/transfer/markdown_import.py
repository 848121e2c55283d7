"""Reading a folder of Markdown files (blog.transfer.markdown_files) into the site:
techniques first, then authors, then articles, then the techniques' links to each other.
Each file is keyed on its slug, so importing again updates, and an unchanged file changes
nothing (not even a new revision)."""

import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from blog.models import AuthorPage, AuthorSpecialty
from therapies.models import RelatedTechnique, TechniqueBenefit, TechniquePage, TechniqueReference

from . import records
from .articles import ArticleData, fingerprint, unchanged
from .html import ImageRef
from .markdown_files import FrontMatterError, file_digest, read_file, text_to_body
from .report import CREATED, SKIPPED, UPDATED
from .writer import ArticleWriter, PageWriter

SOURCE = "markdown"
PUBLISHED_AT = datetime.time(9, 0)


class ContentError(Exception):
    pass


def _list(data, key, path):
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ContentError(_("%(path)s: %(key)s must be a list") % {"path": path, "key": key})
    return value


def _text(data, key, path, required=False):
    value = data.get(key)
    if value is None:
        if required:
            raise ContentError(_("%(path)s: %(key)s is missing") % {"path": path, "key": key})
        return ""
    if isinstance(value, int | float | datetime.date):
        value = str(value)
    if not isinstance(value, str):
        raise ContentError(_("%(path)s: %(key)s must be text") % {"path": path, "key": key})
    return value


def _date(data, key, path):
    value = data.get(key)
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise ContentError(
            _("%(path)s: %(key)s must be a date (YYYY-MM-DD)") % {"path": path, "key": key}
        ) from error


def _months(data, key, path):
    """A number of months from 1 to 120, or None when not given."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise ContentError(
            _("%(path)s: %(key)s must be a number of months from 1 to 120")
            % {"path": path, "key": key}
        )
    return value


def _references(data, path):
    rows = []
    for row in _list(data, "references", path):
        if not isinstance(row, dict) or not row.get("citation"):
            raise ContentError(_("%(path)s: each reference needs a citation") % {"path": path})
        rows.append(
            {
                "citation": str(row["citation"]),
                "url": str(row.get("url") or ""),
                "doi": str(row.get("doi") or ""),
            }
        )
    return rows


def read_article(path):
    data, body = read_file(path)
    return {
        "path": str(path),
        "title": _text(data, "title", path, required=True),
        "slug": _text(data, "slug", path) or Path(path).stem,
        "date": _date(data, "date", path),
        "draft": bool(data.get("draft", False)),
        "summary": _text(data, "summary", path),
        "authors": [str(slug) for slug in _list(data, "authors", path)],
        "techniques": [str(slug) for slug in _list(data, "techniques", path)],
        "tags": [str(tag) for tag in _list(data, "tags", path)],
        "image": _text(data, "image", path),
        "image_alt": _text(data, "image_alt", path),
        "reviewer": _text(data, "reviewer", path) or None,
        "last_reviewed": _date(data, "last_reviewed", path),
        "review_interval_months": _months(data, "review_interval_months", path),
        "show_contents": bool(data.get("show_contents", True)),
        "references": _references(data, path),
        "comments_open": bool(data.get("comments_open", True)),
        "body": body,
    }


def read_technique(path):
    data, _body = read_file(path)
    benefits = []
    for row in _list(data, "benefits", path):
        if not isinstance(row, dict) or not row.get("label"):
            raise ContentError(
                _("%(path)s: each benefit needs a label and an explanation") % {"path": path}
            )
        benefits.append((str(row["label"]), str(row.get("explanation") or "")))
    return {
        "path": str(path),
        "title": _text(data, "title", path, required=True),
        "slug": _text(data, "slug", path) or Path(path).stem,
        "draft": bool(data.get("draft", False)),
        "summary": _text(data, "summary", path),
        "image": _text(data, "image", path),
        "image_alt": _text(data, "image_alt", path),
        "benefits": benefits,
        "references": _references(data, path),
        "related": [str(slug) for slug in _list(data, "related", path)],
        **{
            name: _text(data, name, path)
            for name in ("what_it_is", "how_it_works", "safety", "evidence")
        },
    }


def read_author(path):
    data, body = read_file(path)
    return {
        "path": str(path),
        "name": _text(data, "name", path, required=True),
        "slug": _text(data, "slug", path) or Path(path).stem,
        "draft": bool(data.get("draft", False)),
        "credentials": _text(data, "credentials", path),
        "short_bio": _text(data, "short_bio", path),
        "image": _text(data, "image", path),
        "image_alt": _text(data, "image_alt", path),
        "specialties": [str(slug) for slug in _list(data, "specialties", path)],
        "long_bio": body,
    }


def read_folder(directory):
    """Every file of the folder, read and checked before anything is written:
    {"techniques": [...], "authors": [...], "articles": [...]}, or ContentError."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentError(_("%(path)s is not a folder") % {"path": directory})
    found = {}
    for kind, reader in (
        ("techniques", read_technique),
        ("authors", read_author),
        ("articles", read_article),
    ):
        items = []
        for path in sorted((directory / kind).glob("*.md")):
            try:
                items.append(reader(path))
            except FrontMatterError as error:
                raise ContentError(str(error)) from error
        slugs = [item["slug"] for item in items]
        duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if duplicates:
            raise ContentError(
                _("%(path)s: the slug %(slug)s is used twice")
                % {"path": directory / kind, "slug": duplicates[0]}
            )
        found[kind] = items
    if not any(found.values()):
        raise ContentError(
            _("%(path)s holds no articles/, techniques/ or authors/ folder of .md files")
            % {"path": directory}
        )
    found["articles"].sort(key=lambda item: (item["date"] or datetime.date.max, item["slug"]))
    return found


class MarkdownImporter(PageWriter):
    def __init__(self, directory, report, images, blog, techniques_index, authors_index):
        super().__init__(SOURCE, report, images)
        self.directory = Path(directory)
        self.blog = blog
        self.techniques_index = techniques_index
        self.authors_index = authors_index

    def image_digest(self, path):
        if not path:
            return ""
        full = self.directory / path
        return file_digest(full) if full.is_file() else "missing"

    def image_ref(self, path, alt):
        return ImageRef(path, alt, "", Path(path).stem) if path else None

    def run(self, content, progress=None):
        techniques = {}
        for item in content["techniques"]:
            page = self.atomic("technique", item["path"], lambda p, i=item: self.technique(i, p))
            if page is not None:
                techniques[item["slug"]] = page
            if progress:
                progress.step()
        self.techniques = {
            **{page.slug: page for page in TechniquePage.objects.order_by("-path")},
            **techniques,
        }
        authors = {}
        for item in content["authors"]:
            page = self.atomic("author", item["path"], lambda p, i=item: self.author(i, p))
            if page is not None:
                authors[item["slug"]] = page
            if progress:
                progress.step()
        self.authors = {
            **{page.slug: page for page in AuthorPage.objects.order_by("-path")},
            **authors,
        }
        writer = ArticleWriter(
            SOURCE, self.report, self.images, self.blog, match_slugs=True, merge_markdown=False
        )
        for item in content["articles"]:
            try:
                data = self.article_data(item)
            except ContentError as error:
                self.report.fail("article", item["path"], error)
            else:
                writer.write(data)
            if progress:
                progress.step()
        for item in content["techniques"]:
            if item["slug"] in techniques:
                self.atomic(
                    "technique",
                    item["path"],
                    lambda p, i=item: self.relate(techniques[i["slug"]], i),
                )
        return authors

    # Techniques and authors

    def existing(self, model, parent, key, slug):
        found = records.record(SOURCE, key)
        page = records.target(found, model)
        if page is None:
            page = (
                model.objects.child_of(parent).filter(slug=slug).first()
                or model.objects.filter(slug=slug).order_by("path").first()
            )
        return found, page

    def save(self, kind, model, parent, item, found, page, digest, fill, pending):
        """Create or update the page of ``item`` unless it is unchanged."""
        key = f"{kind}:{item['slug']}"
        if page is not None and found is not None and found.digest == digest:
            self.report.count(kind, SKIPPED, unchanged())
            return page
        image = self.image(self.image_ref(item["image"], item["image_alt"]), pending)
        live = not item["draft"]
        if page is None:
            page = model(slug=item["slug"], live=live)
            fill(page, image)
            parent.add_child(instance=page)
            outcome = CREATED
        else:
            page = model.objects.get(pk=page.pk)
            fill(page, image)
            outcome = UPDATED
        revision = page.save_revision()
        if live:
            revision.publish()
        elif page.live:
            page.unpublish()
        records.remember(SOURCE, key, page, digest)
        self.report.count(kind, outcome)
        return page

    def technique(self, item, pending):
        found, page = self.existing(
            TechniquePage, self.techniques_index, f"technique:{item['slug']}", item["slug"]
        )
        digest = fingerprint(
            {**item, "related": None, "image_file": self.image_digest(item["image"])}
        )

        def fill(page, image):
            page.title = item["title"]
            page.summary = item["summary"]
            page.image, page.image_alt = image, item["image_alt"] if image else ""
            for name in ("what_it_is", "how_it_works", "safety", "evidence"):
                setattr(page, name, item[name])
            page.benefits = [
                TechniqueBenefit(label=label, explanation=text) for label, text in item["benefits"]
            ]
            page.references = [TechniqueReference(**ref) for ref in item["references"]]

        return self.save(
            "technique",
            TechniquePage,
            self.techniques_index,
            item,
            found,
            page,
            digest,
            fill,
            pending,
        )

    def relate(self, page, item):
        wanted = []
        for slug in item["related"]:
            if slug not in self.techniques:
                raise ContentError(_("no technique %(slug)s") % {"slug": slug})
            wanted.append(self.techniques[slug])
        page = TechniquePage.objects.get(pk=page.pk)
        if [link.technique_id for link in page.related_technique_links.all()] == [
            t.pk for t in wanted
        ]:
            return page
        page.related_technique_links = [RelatedTechnique(technique=t) for t in wanted]
        revision = page.save_revision()
        if page.live:
            revision.publish()
        self.report.count("technique", UPDATED, _("links to related techniques"))
        return page

    def author(self, item, pending):
        found, page = self.existing(
            AuthorPage, self.authors_index, f"author:{item['slug']}", item["slug"]
        )
        digest = fingerprint({**item, "image_file": self.image_digest(item["image"])})
        specialties = []
        for slug in item["specialties"]:
            if slug not in self.techniques:
                raise ContentError(_("no technique %(slug)s") % {"slug": slug})
            specialties.append(self.techniques[slug])

        def fill(page, image):
            page.title = item["name"]
            page.credentials = item["credentials"]
            page.short_bio = item["short_bio"]
            page.long_bio = item["long_bio"]
            page.image, page.image_alt = image, item["image_alt"] if image else ""
            page.specialties = [AuthorSpecialty(technique=t) for t in specialties]

        return self.save(
            "author", AuthorPage, self.authors_index, item, found, page, digest, fill, pending
        )

    # Articles

    def look_up(self, pages, slug, what, path):
        if slug not in pages:
            raise ContentError(
                _("%(path)s: no %(what)s %(slug)s") % {"path": path, "what": what, "slug": slug}
            )
        return pages[slug]

    def article_data(self, item):
        path = item["path"]
        parts, image_files = [], [self.image_digest(item["image"])]
        for block_type, value in text_to_body(item["body"]):
            if block_type == "markdown":
                parts.append(value)
            elif block_type == "image":
                parts.append(value)
                image_files.append(self.image_digest(value.src))
            elif block_type == "technique_callout":
                technique = self.look_up(self.techniques, value["technique"], _("technique"), path)
                parts.append(("technique_callout", {"technique": technique, "note": value["note"]}))
            else:
                parts.append((block_type, value))
        live = not item["draft"]
        published_at = None
        if live and item["date"]:
            published_at = timezone.make_aware(
                datetime.datetime.combine(item["date"], PUBLISHED_AT)
            )
        reviewer = None
        if item["reviewer"]:
            reviewer = self.look_up(self.authors, item["reviewer"], _("author"), path)
        data = ArticleData(
            # Keyed within the blog: the same files imported into another blog are its own.
            key=f"article:{self.blog.pk}:{item['slug']}",
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            parts=parts,
            live=live,
            date=item["date"],
            published_at=published_at,
            authors=[self.look_up(self.authors, s, _("author"), path) for s in item["authors"]],
            techniques=[
                self.look_up(self.techniques, s, _("technique"), path) for s in item["techniques"]
            ],
            tags=item["tags"],
            image=self.image_ref(item["image"], item["image_alt"]),
            reviewer=reviewer,
            last_reviewed=item["last_reviewed"],
            review_interval_months=item["review_interval_months"],
            show_contents=item["show_contents"],
            references=item["references"],
            comments_open=item["comments_open"],
        )
        data.extra = image_files
        return data
