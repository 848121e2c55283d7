"""Writing a blog out as Markdown files (blog.transfer.markdown_files says how they look).

Live pages are written as published; pages never published, as their latest draft (marked
``draft: true``). Everything is sorted, so the same site always gives the same bytes."""

from pathlib import Path

from wagtail.images import get_image_model

from blog.models import ArticlePage, AuthorPage
from therapies.models import TechniquePage

from .markdown_files import body_to_text, image_file_names, write_file


def current(page):
    """What a page says now: the published version, or the latest draft of an unpublished
    page."""
    if page.live:
        return page
    return page.get_latest_revision_as_object()


def references(page):
    rows = []
    for reference in page.references.all():
        row = {"citation": reference.citation}
        if reference.url:
            row["url"] = reference.url
        if reference.doi:
            row["doi"] = reference.doi
        rows.append(row)
    return rows


def put(data, key, value):
    """Only what is there: empty values are left out of the front matter."""
    if value not in (None, "", [], {}):
        data[key] = value


class Exporter:
    def __init__(self, directory, blog=None):
        self.directory = Path(directory)
        self.blog = blog
        self.written = {"article": 0, "technique": 0, "author": 0, "image": 0}

    def pages(self):
        articles = ArticlePage.objects.all()
        if self.blog is not None:
            articles = articles.child_of(self.blog)
        articles = [current(page) for page in articles.order_by("slug", "pk")]
        techniques = [current(page) for page in TechniquePage.objects.order_by("slug", "pk")]
        authors = [current(page) for page in AuthorPage.objects.order_by("slug", "pk")]
        return articles, techniques, authors

    def run(self):
        articles, techniques, authors = self.pages()
        image_ids = set()
        for page in [*articles, *techniques, *authors]:
            if page.image_id:
                image_ids.add(page.image_id)
        for article in articles:
            for block in article.body.raw_data:
                if block["type"] == "image":
                    image_ids.add(block["value"]["image"]["image"])
        images = get_image_model().objects.in_bulk(image_ids)
        self.names = image_file_names(sorted(images.values(), key=lambda image: image.pk))
        for image_id, name in sorted(self.names.items(), key=lambda item: item[1]):
            target = self.directory / name
            if target.exists():
                continue
            with images[image_id].open_file() as source:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read())
            self.written["image"] += 1
        for page in techniques:
            self.technique(page)
        for page in authors:
            self.author(page)
        for page in articles:
            self.article(page)
        return self.written

    def image_fields(self, data, page):
        if page.image_id and page.image_id in self.names:
            data["image"] = self.names[page.image_id]
            put(data, "image_alt", page.image_alt)

    def article(self, page):
        data = {"title": page.title, "slug": page.slug}
        put(data, "date", page.date)
        if not page.live:
            data["draft"] = True
        data["summary"] = page.summary
        put(data, "authors", [link.author.slug for link in page.author_links.all()])
        put(data, "techniques", [link.technique.slug for link in page.technique_links.all()])
        put(data, "tags", sorted(tag.name for tag in page.tags.all()))
        self.image_fields(data, page)
        if page.reviewer_id:
            reviewer = AuthorPage.objects.filter(pk=page.reviewer_id).first()
            if reviewer is not None:
                data["reviewer"] = reviewer.slug
                put(data, "last_reviewed", page.last_reviewed)
        put(data, "review_interval_months", page.review_interval_months)
        if not page.show_contents:
            data["show_contents"] = False
        put(data, "references", references(page))
        if not page.comments_open:
            data["comments_open"] = False
        write_file(self.directory / "articles" / f"{page.slug}.md", data, self.body(page))
        self.written["article"] += 1

    def body(self, page):
        callouts = {
            block["value"].get("technique")
            for block in page.body.raw_data
            if block["type"] == "technique_callout"
        }
        slugs = dict(TechniquePage.objects.filter(pk__in=callouts).values_list("pk", "slug"))
        blocks = []
        for block in page.body.raw_data:
            value = block["value"]
            if block["type"] == "markdown":
                blocks.append(("markdown", value))
            elif block["type"] == "image":
                path = self.names.get(value["image"]["image"])
                if path:
                    alt = value["image"].get("alt_text") or ""
                    blocks.append(
                        ("image", {"path": path, "alt": alt, "caption": value.get("caption", "")})
                    )
            elif block["type"] == "pull_quote":
                blocks.append(("pull_quote", value))
            elif block["type"] == "technique_callout" and value.get("technique") in slugs:
                note = value.get("note") or ""
                blocks.append(
                    ("technique_callout", {"technique": slugs[value["technique"]], "note": note})
                )
        return body_to_text(blocks)

    def technique(self, page):
        data = {"title": page.title, "slug": page.slug}
        if not page.live:
            data["draft"] = True
        data["summary"] = page.summary
        self.image_fields(data, page)
        put(
            data,
            "benefits",
            [{"label": b.label, "explanation": b.explanation} for b in page.benefits.all()],
        )
        put(data, "references", references(page))
        put(data, "related", [link.technique.slug for link in page.related_technique_links.all()])
        for name in ("what_it_is", "how_it_works", "safety", "evidence"):
            put(data, name, getattr(page, name))
        write_file(self.directory / "techniques" / f"{page.slug}.md", data)
        self.written["technique"] += 1

    def author(self, page):
        data = {"name": page.title, "slug": page.slug}
        if not page.live:
            data["draft"] = True
        put(data, "credentials", page.credentials)
        data["short_bio"] = page.short_bio
        self.image_fields(data, page)
        put(data, "specialties", [link.technique.slug for link in page.specialties.all()])
        write_file(self.directory / "authors" / f"{page.slug}.md", data, page.long_bio)
        self.written["author"] += 1
