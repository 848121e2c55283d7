"""A WordPress.com export (fixtures/wordpress-com.xml, in the shape WordPress.com's exporter
writes: https namespaces, the network's address as wp:base_site_url, a post copied with its
GUID, classic-editor shortcodes, block-editor markup, Jetpack's shortcodes, a password, a
schedule, a post without a title) comes in whole. test_transfer_real_exports.py checks that
no shortcode reaches readers, a second run and a dry run."""

import datetime

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from blog.transfer.models import ImportRecord

from .transfer_helpers import article, images_of, markdown_of, picture, wordpress_com_export


@pytest.fixture
def import_com(tree, tmp_path):
    return wordpress_com_export(tmp_path)


@pytest.mark.django_db
def test_every_post_comes_in_with_its_comments_and_old_links(import_com):
    output = import_com()
    # (test_transfer_real_exports.py counts the articles, comments and redirects.)
    assert "pingbacks and trackbacks (1)" in output
    response = Client().get("/2024/09/12/a-rolled-towel-and-a-long-exhale/")
    assert response.status_code == 301
    assert response["Location"] == article("a-rolled-towel-and-a-long-exhale").url
    assert Client().get("/?p=206")["Location"] == article("a-rolled-towel-and-a-long-exhale-2").url
    # Keyed on the blog's address and the post id, never on the shared GUID.
    assert ImportRecord.objects.filter(
        key="https://slowbreathnotes.wordpress.com#post:206"
    ).exists()
    assert "page items are not posts (1)" in output
    assert "nav_menu_item items are not posts (1)" in output
    assert "wp_block items are not posts (1)" in output


@pytest.mark.django_db
def test_the_post_types_are_decided(import_com):
    output = import_com()
    # Password-protected: live, behind Wagtail's own password restriction.
    locked = article("breathing-notes-for-a-client")
    assert locked.live
    restriction = PageViewRestriction.objects.get(page=locked)
    assert (restriction.restriction_type, restriction.password) == ("password", "tea-and-towels")
    html = Client().get(locked.url).content.decode()
    assert 'name="password"' in html and "three rounds" not in html
    # Scheduled: Wagtail publishes it on its date.
    later = article("winter-breathing-week-by-week")
    assert not later.live
    assert later.go_live_at == datetime.datetime(2030, 11, 1, 7, tzinfo=datetime.UTC)
    assert later.get_latest_revision().approved_go_live_at == later.go_live_at
    # Pending stays a draft, named from its title.
    draft = article("draft-questions-from-the-workshop")
    assert not draft.live and draft.go_live_at is None
    # No title: its first words; markup in a title: its text.
    untitled = ArticlePage.objects.get(title__startswith="Breathing out for longer")
    assert untitled.title == "Breathing out for longer than you breathe in…"
    assert untitled.slug == "breathing-out-for-longer-than-you-breathe-in"
    assert article("slow-breathing-better-sleep").title == "Slow breathing & better sleep"
    # Sticky posts and pages are reported.
    assert "A rolled towel and a long exhale was a sticky post" in output
    assert "The page About (https://slowbreathnotes.wordpress.com/about/) is not an article" in (
        output
    )


@pytest.mark.django_db
def test_shortcodes_become_pictures_and_links(import_com):
    output = import_com()
    page = article("a-rolled-towel-and-a-long-exhale")
    # [gallery]: the picture found, with its alt text and caption; [caption]: a picture
    # with its caption.
    assert images_of(page) == [
        ("A bath towel rolled tight on a wooden floor", "A towel rolled to the width of a forearm"),
        ("Morning light on a yoga mat", "Morning light helps the first breath of the day."),
    ]
    # The featured image is the gallery's first picture, stored once.
    first = next(b for b in page.body.raw_data if b["type"] == "image")
    assert page.image_id == first["value"]["image"]["image"]
    text = markdown_of(page)
    # The gallery picture not in the media folder, and the one not in the export: links.
    assert (
        "[Lying on the back, the towel under the shoulder blades]"
        "(https://slowbreathnotes.files.wordpress.com/2024/09/lying-down.jpg)" in text
    )
    assert (
        "[Picture 149 of the gallery](https://slowbreathnotes.wordpress.com/?attachment_id=149)"
        in (text)
    )
    assert "picture 149 of a gallery is not in the export" in output
    # [audio], [youtube], a bare Vimeo URL, [wpvideo]: links to the media.
    assert (
        "[Listen to the recording (breathing-space.mp3)]"
        "(https://slowbreathnotes.files.wordpress.com/2024/11/breathing-space.mp3)" in text
    )
    assert (
        "[Watch the video on YouTube](https://www.youtube.com/watch?v=Zr7zF1S3vTg&w=640&h=360)"
        in (text)
    )
    assert "[Watch the video on Vimeo](https://vimeo.com/76979871)" in text
    assert "[Watch the video on VideoPress](https://videopress.com/v/bd2G0c0g)" in text
    # Jetpack's contact form and poll are gone, and counted by name.
    assert "Questions are welcome below." in text and "Name" not in text
    assert "Shortcodes and tags, skipped: [contact-field] (3)" in output
    assert "Shortcodes and tags, skipped: [contact-form] (1)" in output
    assert "Shortcodes and tags, skipped: [polldaddy] (1)" in output
    # The excerpt's gallery is no part of the summary.
    assert (
        page.summary == "A towel under the shoulder blades opens the chest. Five minutes is enough."
    )


@pytest.mark.django_db
def test_block_editor_markup_becomes_content(import_com):
    output = import_com()
    page = article("a-rolled-towel-and-a-long-exhale-2")
    # The gallery block: each picture with its own caption; the missing one as a link.
    assert images_of(page) == [
        ("A bath towel rolled tight on a wooden floor", "Roll it along the long side.")
    ]
    text = markdown_of(page)
    assert "[Lying on the back, the towel under the shoulder blades](" in text
    assert "Two steps, five minutes." in text
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=Zr7zF1S3vTg)" in text
    assert "Breathe along: four counts in, six out." in text
    assert "[Watch the video (towel-demo.mp4)](https://videos.files.wordpress.com/" in text
    assert "[Listen on SoundCloud](https://soundcloud.com/slowbreathnotes/evening-wind-down)" in (
        text
    )
    assert text.rstrip().endswith("Stop if it pinches or you feel dizzy.")
    assert page.summary.startswith("A copy of the towel post")
    # The unknown shortcode inside a paragraph goes; its words stay.
    sleep = article("slow-breathing-better-sleep")
    assert "Lie down if you feel light-headed." in markdown_of(sleep)
    assert "Shortcodes and tags, skipped: [su_note] (1)" in output


@pytest.mark.django_db
def test_a_picture_served_by_photon_is_found_in_the_media_library(import_com, tmp_path):
    picture(tmp_path / "media/2024/09/lying-down.jpg", colour="#334455")
    import_com()
    page = article("a-rolled-towel-and-a-long-exhale-2")
    assert [alt for alt, _caption in images_of(page)] == [
        "A bath towel rolled tight on a wooden floor",
        "Lying on the back, the towel under the shoulder blades",
    ]
