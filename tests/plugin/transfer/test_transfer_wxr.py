"""WXR read as WordPress's own importer reads it: the namespaces are whatever URIs an export
binds its prefixes to (WXR 1.0, 1.1 and 1.2, http or https, as WordPress.com writes them),
and a post is the post of its id on its site, whatever its GUID says."""

import pytest

from blog.comments.models import ReaderComment
from blog.models import ArticlePage
from blog.transfer.models import ImportRecord
from tests.factories import make_technique

from .transfer_helpers import FIXTURES, picture, run, site_state

WXR = FIXTURES / "wordpress.xml"
HTTP_NAMESPACES = (
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    'xmlns:wp="http://wordpress.org/export/1.2/"',
)


@pytest.fixture
def media(tmp_path, tree):
    make_technique(tree.techniques, "Trigger Point Therapy", slug="trigger-point-therapy")
    folder = tmp_path / "uploads"
    picture(folder / "2024/03/shoulder-stretch.jpg")
    picture(folder / "2024/03/forearm.jpg")
    return folder


def export(tmp_path, *replacements):
    """The test export with ``(old, new)`` text replacements made."""
    text = WXR.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def import_wxr(path, media, **options):
    return run("import_wordpress", str(path), media_dir=str(media), no_fetch=True, **options)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wp, excerpt",
    [
        # WordPress.com binds the prefixes to the https form.
        ("https://wordpress.org/export/1.2/", "https://wordpress.org/export/1.2/excerpt/"),
        ("http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.1/excerpt/"),
        # A URI nobody else uses: the prefix is what counts, as in WordPress's importer.
        ("urn:example:wxr", "urn:example:wxr-excerpt"),
    ],
)
def test_the_prefixes_count_whatever_uris_they_are_bound_to(tmp_path, media, wp, excerpt):
    path = export(
        tmp_path,
        (HTTP_NAMESPACES[0], f'xmlns:excerpt="{excerpt}"'),
        (HTTP_NAMESPACES[1], f'xmlns:wp="{wp}"'),
    )
    import_wxr(path, media)
    page = ArticlePage.objects.get(slug="working-out-knots")
    assert page.live and page.summary == "How I find and ease the knots people bring to a session."
    assert ArticlePage.objects.count() == 6
    assert ReaderComment.objects.filter(page=page).count() == 5


@pytest.mark.django_db
def test_a_wxr_1_0_export_keeps_its_tags(tmp_path, media):
    """WXR 1.0 (WordPress 2.x) names the tag taxonomy "tag", not "post_tag"."""
    path = export(
        tmp_path,
        (HTTP_NAMESPACES[0], 'xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/"'),
        (HTTP_NAMESPACES[1], 'xmlns:wp="http://wordpress.org/export/1.0/"'),
        ("<wp:wxr_version>1.2", "<wp:wxr_version>1.0"),
        ('domain="post_tag" nicename="self-care"', 'domain="tag" nicename="self-care"'),
        ('domain="post_tag" nicename="shoulders"', 'domain="tag" nicename="shoulders"'),
    )
    import_wxr(path, media)
    page = ArticlePage.objects.get(slug="working-out-knots")
    tags = sorted(tag.name for tag in page.tags.all())
    assert tags == ["Knots and tender spots", "self-care", "shoulders"]


@pytest.mark.django_db
def test_two_posts_sharing_a_guid_stay_two_articles(tmp_path, media):
    """Post-duplicating plugins copy the GUID; the post id tells the copies apart."""
    path = export(
        tmp_path,
        (
            '<guid isPermaLink="false">http://old-blog.test/?p=43</guid>',
            '<guid isPermaLink="false">http://old-blog.test/?p=41</guid>',
        ),
    )
    import_wxr(path, media)
    first = ArticlePage.objects.get(slug="working-out-knots")
    second = ArticlePage.objects.get(slug="working-out-knots-2")
    assert first.title.startswith("Working Out Knots: Pressure")
    assert second.title == "Working Out Knots, Part Two"
    before = site_state()
    output = import_wxr(path, media)
    assert "unchanged since the last import (6)" in output
    assert site_state() == before


@pytest.mark.django_db
def test_an_import_made_when_posts_were_keyed_on_their_guids_is_taken_over(tmp_path, media):
    """Sites imported before posts were keyed on their ids: the next import finds their
    articles and comments by the GUID they were recorded under, and re-keys them."""
    import_wxr(WXR, media)
    site = "http://old-blog.test"
    for record in ImportRecord.objects.filter(key__startswith=f"{site}#post:"):
        post_id, _hash, rest = record.key.removeprefix(f"{site}#post:").partition("#")
        guid = f"{site}/?p={post_id}"
        record.key = f"{guid}#{rest}" if rest else guid
        record.save()
    before = site_state()
    output = import_wxr(WXR, media)
    assert "unchanged since the last import (6)" in output
    assert site_state() == before
    assert not ImportRecord.objects.filter(key__startswith=f"{site}/?p=").exists()


def broken_export(tmp_path):
    """Three posts that cannot be read: a date that is none, no id, an id used twice."""
    return export(
        tmp_path,
        (
            "<wp:post_date><![CDATA[2024-04-10 09:00:00]]></wp:post_date>",
            "<wp:post_date><![CDATA[2024-04-31 09:00:00]]></wp:post_date>",
        ),
        ("<wp:post_id>46</wp:post_id>", ""),
        ("<wp:post_id>47</wp:post_id>", "<wp:post_id>41</wp:post_id>"),
    )


@pytest.mark.django_db
def test_every_post_that_cannot_be_read_is_listed_and_nothing_is_written(tmp_path, media):
    from django.core.management.base import CommandError

    before = site_state()
    with pytest.raises(CommandError) as raised:
        import_wxr(broken_export(tmp_path), media)
    message = str(raised.value)
    assert "3 items cannot be read, so nothing was imported (add --skip-invalid" in message
    assert (
        "Working Out Knots, Part Two [post 43]: wp:post_date 2024-04-31 09:00:00 is not a date"
        in (message)
    )
    assert "no wp:post_id to tell it apart from the others" in message
    assert "its id 41 is also the id of Working Out Knots: Pressure" in message
    assert site_state() == before


@pytest.mark.django_db
def test_skip_invalid_imports_the_rest_and_reports_the_others(tmp_path, media):
    output = import_wxr(broken_export(tmp_path), media, skip_invalid=True)
    assert ArticlePage.objects.count() == 3
    assert ArticlePage.objects.filter(slug="working-out-knots").exists()
    assert "Failed: Working Out Knots, Part Two [post 43]: wp:post_date" in output
    assert "3 items failed; everything else was imported." in output


@pytest.mark.parametrize("chunk", [3, 7, 64 * 1024])
def test_html_entities_and_bare_ampersands_outside_cdata_are_mended(monkeypatch, chunk):
    """Squarespace writes titles as HTML; CDATA sections stay byte for byte, wherever the
    file's chunks happen to be cut."""
    import io

    from blog.transfer.wordpress import entities

    monkeypatch.setattr(entities, "CHUNK", chunk)
    monkeypatch.setattr(entities, "LONGEST", 12)
    source = (
        b"<t>Neck &mdash; jaw & hands &amp; &#8212; &#x2014; &nosuch; &hellip;</t>"
        b"<c><![CDATA[<p>x &mdash; & y]]></c><t>Caf&eacute; ]</t>"
    )
    mended = entities.MendedXml(io.BytesIO(source)).read()
    assert mended.decode() == (
        "<t>Neck &#8212; jaw &amp; hands &amp; &#8212; &#x2014; &amp;nosuch; &#8230;</t>"
        "<c><![CDATA[<p>x &mdash; & y]]></c><t>Caf&#233; ]</t>"
    )
