"""A Squarespace export (fixtures/squarespace.xml: Squarespace writes a WordPress export with
its own differences) comes in whole: its posts, comments, pictures and old links."""

import datetime

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from blog.comments.models import ReaderComment
from blog.models import ArticlePage

from .transfer_helpers import images_of, markdown_of, squarespace_export


@pytest.fixture
def import_squarespace(tree, tmp_path):
    return squarespace_export(tmp_path)


@pytest.mark.django_db
def test_posts_comments_and_old_links_come_in(import_squarespace):
    output = import_squarespace()
    # Squarespace gives comments no ids: each is still its own comment.
    page = ArticlePage.objects.get(slug="neck-tension-at-the-desk")
    assert sorted(ReaderComment.objects.filter(page=page).values_list("name", flat=True)) == [
        "Priya N.",
        "Tom Reilly",
    ]
    # The links are relative to the site; Squarespace has no /?p= links.
    response = Client().get("/blog/neck-tension-at-the-desk")
    assert response.status_code == 301 and response["Location"] == page.url
    assert not Redirect.objects.filter(old_path__contains="?p=").exists()
    assert "page items are not posts (2)" in output
    assert "The page Prices (/prices) is not an article" in output


@pytest.mark.django_db
def test_titles_names_pictures_and_videos_are_read_as_squarespace_writes_them(import_squarespace):
    import_squarespace()
    page = ArticlePage.objects.get(slug="neck-tension-at-the-desk")  # not "...desk.html"
    # &mdash; and a bare & in titles: HTML's entities, which XML does not know.
    assert page.title == "Neck tension at the desk — and what helps"
    assert ArticlePage.objects.get(slug="jaw-and-headache").title == "Jaw & headache: a short note"
    assert page.summary == "Why the desk gives you a stiff neck, and three small changes that help."
    assert page.date == datetime.date(2024, 10, 7)
    assert [author.title for author in page.authors] == ["Ada Lindqvist"]
    assert sorted(tag.name for tag in page.tags.all()) == ["Posture", "Self Care"]
    # The lazy-loaded picture (data-src, and its <noscript> copy) is one image block.
    assert images_of(page) == [
        ("A laptop raised on books to eye height", "Books work as well as a stand.")
    ]
    # The featured image: the attachment item after the post.
    assert page.image is not None and page.image.title == "neck-stretch"
    text = markdown_of(page)
    assert "### Three things to try" in text and "- Raise the screen to eye height." in text
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=kH6xaHR2bZA)" in text
    assert "sqsTracking" not in text
    assert text.rstrip().endswith("If the pain spreads down an arm, see your doctor first.")
    # A post without a title, named by a path: its first words, the path's last part.
    untitled = ArticlePage.objects.get(slug="winter-hands")
    assert untitled.title == "Cold hands grip harder than they need to"
    draft = ArticlePage.objects.get(slug="shoulder-blades-draft")
    assert not draft.live and not Redirect.objects.filter(redirect_page=draft).exists()


@pytest.mark.django_db
def test_the_featured_picture_is_the_attachment_after_its_post(tree, tmp_path):
    """Squarespace's export may name no _thumbnail_id: the picture attached to the post,
    in the item after it, is its featured picture all the same."""
    from .transfer_helpers import FIXTURES, wxr_import

    text = (FIXTURES / "squarespace.xml").read_text(encoding="utf-8")
    thumbnail = text[text.index("      <wp:postmeta>") : text.index("      <wp:comment>")]
    (tmp_path / "squarespace.xml").write_text(text.replace(thumbnail, ""), encoding="utf-8")
    squarespace_export(tmp_path)  # the pictures
    wxr_import(tmp_path / "squarespace.xml", tmp_path / "pictures")()
    page = ArticlePage.objects.get(slug="neck-tension-at-the-desk")
    assert page.image is not None and page.image.title == "neck-stretch"
