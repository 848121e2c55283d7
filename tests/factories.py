"""Small builders for what the tests need: the page tree (each a live, published page unless
asked otherwise) and pictures."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTechnique,
    AuthorIndexPage,
    AuthorPage,
    BlogIndexPage,
)
from therapies.models import TechniqueBenefit, TechniqueIndexPage, TechniquePage

_sequence = itertools.count(1)


def words(count, word="calm"):
    return " ".join([word] * count)


def publish(parent, page, live=True):
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def make_site_tree():
    """The demo's shape: a blog index as the default site's root, with the technique and
    author sections beneath it."""
    root = Page.get_first_root_node()
    blog = publish(root, BlogIndexPage(title="Articles", slug="articles"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = blog
    site.save()
    techniques = publish(blog, TechniqueIndexPage(title="Techniques", slug="techniques"))
    authors = publish(blog, AuthorIndexPage(title="Authors", slug="authors"))
    return blog, techniques, authors


def make_technique(index, title=None, live=True, benefits=(), **fields):
    n = next(_sequence)
    title = title or f"Technique {n}"
    page = TechniquePage(
        title=title,
        summary=fields.pop("summary", f"What {title} is, in a sentence."),
        what_it_is=fields.pop("what_it_is", "It is a hands-on technique."),
        how_it_works=fields.pop("how_it_works", "You lie down; the therapist works slowly."),
        safety=fields.pop("safety", "Not over broken skin or a fresh injury."),
        **fields,
    )
    page.benefits = [TechniqueBenefit(label=label, explanation=text) for label, text in benefits]
    return publish(index, page, live=live)


def make_author(index, name=None, live=True, **fields):
    n = next(_sequence)
    page = AuthorPage(
        title=name or f"Author {n}",
        short_bio=fields.pop("short_bio", "A massage therapist."),
        **fields,
    )
    return publish(index, page, live=live)


def make_article(
    blog,
    title=None,
    authors=(),
    techniques=(),
    tags=(),
    body=None,
    live=True,
    date=None,
    **fields,
):
    n = next(_sequence)
    page = ArticlePage(
        title=title or f"Article {n}",
        summary=fields.pop("summary", "A short summary for cards."),
        body=body if body is not None else [("markdown", f"## Section\n\n{words(300)}")],
        date=date or datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        **fields,
    )
    page.author_links = [ArticleAuthor(author=author) for author in authors]
    page.technique_links = [ArticleTechnique(technique=technique) for technique in techniques]
    if tags:
        page.tags.add(*tags)
    return publish(blog, page, live=live)


def make_image(title, size=(640, 360), colour="#2a6b58"):
    """A Wagtail image: a plain JPEG of ``size`` (renditions of it are what tests look at)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.jpg")
    )
