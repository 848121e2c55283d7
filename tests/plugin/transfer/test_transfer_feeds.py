"""manage.py import_feed: an RSS 2.0 feed shaped like Wix's and an Atom feed (fixtures,
written for these tests) become articles; a second run changes nothing; a malformed feed is
a clear error with nothing written."""

import datetime

import pytest
from django.core.management.base import CommandError
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from blog.models import ArticlePage, AuthorPage

from .transfer_helpers import FIXTURES, picture, run

RSS = FIXTURES / "feed-rss.xml"
ATOM = FIXTURES / "feed-atom.xml"


def markdown(page):
    return "\n\n".join(b["value"] for b in page.body.raw_data if b["type"] == "markdown")


@pytest.mark.django_db
def test_an_rss_feed_becomes_articles_with_author_date_summary_tags_and_cover(tree, tmp_path):
    picture(tmp_path / "calves.jpg")
    output = run("import_feed", str(RSS), media_dir=str(tmp_path), no_fetch=True)
    page = ArticlePage.objects.get(slug="why-your-calves-ache-after-hill-walks")
    assert page.live and page.title == "Why Your Calves Ache After Hill Walks"
    assert page.summary.startswith("Steep descents load the calves")
    assert page.date == datetime.date(2024, 5, 14)
    assert [a.title for a in page.authors] == ["Noor Haddad"]
    assert sorted(t.name for t in page.tags.all()) == ["legs", "walking"]
    assert page.image is not None  # the enclosure, read from the media folder
    text = markdown(page)
    assert "## What helps" in text and "- **Shorter steps:** less load" in text
    html = Client().get(page.url).content.decode()
    assert "<li><strong>Poles:</strong>" in html
    # The old address leads to the new page.
    old = Client().get("/post/why-your-calves-ache-after-hill-walks")
    assert old.status_code == 301 and old["Location"] == page.url
    assert AuthorPage.objects.filter(title="Noor Haddad").count() == 1
    assert "Articles" in output


@pytest.mark.django_db
def test_non_latin_entries_and_hostile_html(tree):
    run("import_feed", str(RSS), no_fetch=True)
    page = ArticlePage.objects.get(title="Ручной лимфодренаж: что это такое")
    assert page.slug == "лимфодренаж"
    stored = str(page.body.raw_data)
    assert "Очень лёгкие, ритмичные движения по коже." in stored and "Второй абзац." in stored
    for hostile in ("script", "alert", "onclick", "javascript:"):
        assert hostile not in stored
    assert "ссылка" in stored


@pytest.mark.django_db
def test_an_atom_feed(tree, tmp_path):
    picture(tmp_path / "img/towel.png", kind="PNG")
    run("import_feed", str(ATOM), media_dir=str(tmp_path), no_fetch=True)
    page = ArticlePage.objects.get()
    assert page.slug == "warming-up"
    assert page.title == "Warming Up Before a Massage? Not Needed"
    assert page.summary == "Short answer: no. A warm room and a few slow breaths do the job."
    assert page.first_published_at == datetime.datetime(2024, 8, 1, 6, tzinfo=datetime.UTC)
    assert [a.title for a in page.authors] == ["Ruth Okafor"]
    assert [t.name for t in page.tags.all()] == ["myths"]
    text = markdown(page)
    assert "## What to do instead" in text and "> Arrive a few minutes early" in text
    images = [b["value"] for b in page.body.raw_data if b["type"] == "image"]
    assert [i["image"]["alt_text"] for i in images] == ["A rolled towel"]
    assert "onerror" not in str(page.body.raw_data)


@pytest.mark.django_db
def test_importing_a_feed_again_changes_nothing_and_dry_run_writes_nothing(tree):
    output = run("import_feed", str(RSS), no_fetch=True, dry_run=True)
    assert "Would create" in output and not ArticlePage.objects.exists()
    run("import_feed", str(RSS), no_fetch=True)
    counts = (Page.objects.count(), Revision.objects.count(), Redirect.objects.count())
    output = run("import_feed", str(RSS), no_fetch=True)
    assert "unchanged since the last import (2)" in output
    assert (Page.objects.count(), Revision.objects.count(), Redirect.objects.count()) == counts


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off mid-',
        "<html><body><p>This is a web page, not a feed.</p></body></html>",
    ],
)
def test_a_malformed_feed_is_a_clear_error_and_nothing_is_imported(tree, tmp_path, content):
    broken = tmp_path / "feed.xml"
    broken.write_text(content, encoding="utf-8")
    before = Page.objects.count()
    with pytest.raises(CommandError, match="feed"):
        run("import_feed", str(broken), no_fetch=True)
    assert Page.objects.count() == before


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tree, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_feed", str(tmp_path / "nowhere.xml"))
