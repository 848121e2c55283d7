"""Our own Markdown files (read by own_files.py) written into the site: techniques first,
then authors, then articles, then the techniques' links to each other. Each file is keyed
on its slug, so importing again updates, and an unchanged file changes nothing (not even a
new revision)."""

import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from blog.models import AuthorPage, AuthorSpecialty
from therapies.models import RelatedTechnique, TechniqueBenefit, TechniquePage, TechniqueReference

from .. import records
from ..articles import ArticleData, fingerprint, unchanged
from ..html import ImageRef
from ..markdown_files import file_digest, text_to_body
from ..report import CREATED, SKIPPED, UPDATED
from ..writer import ArticleWriter, PageWriter
from .own_files import ContentError

SOURCE = "markdown"
PUBLISHED_AT = datetime.time(9, 0)


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
