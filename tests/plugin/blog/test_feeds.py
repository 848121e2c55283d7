"""RSS 2.0 and Atom feeds: parsed as XML and checked for what the specifications require,
for a blog's articles and per technique, author and tag."""

import datetime
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.models import BlogIndexPage

from ...factories import make_article, make_author, make_technique

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def feed_url(name, *args, blog=None):
    """The URL of a blog's feed: "articles-rss", or "technique-atom" and a slug..."""
    kind, format_name = name.rsplit("-", 1)
    blog = blog or BlogIndexPage.objects.get()
    if kind == "articles":
        return blog.feed_url(format_name)
    return blog.feed_url(format_name, kind, *args)


def fetch(name, *args):
    response = Client().get(feed_url(name, *args))
    assert response.status_code == 200, response.status_code
    # The feed is our own output, made from test data.
    return response, ET.fromstring(response.content)  # noqa: S314


def rss_items(name, *args):
    response, rss = fetch(f"{name}-rss", *args)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("link").startswith("http")
    blog = BlogIndexPage.objects.get()
    assert channel.find(f"{ATOM}link").get("href").startswith(f"http://testserver{blog.url}feeds/")
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        assert item.findtext("link").startswith("http")
        assert item.findtext("guid") == item.findtext("link")
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    return items


def atom_entries(name, *args):
    response, feed = fetch(f"{name}-atom", *args)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].startswith("http") and links["alternate"].startswith("http")
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{required}"), required
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    return entries


def titles(items, tag="title"):
    return [item.findtext(tag) for item in items]


@pytest.fixture
def articles(tree, author, technique):
    other_author = make_author(tree.authors, "Jonah Whitlowe")
    return {
        "older": make_article(
            tree.blog,
            "Older",
            authors=[author],
            techniques=[technique],
            tags=["sleep"],
            date=datetime.date(2024, 1, 1),
        ),
        "newer": make_article(
            tree.blog,
            "Newer",
            authors=[author, other_author],
            summary="The newest one.",
            date=datetime.date(2025, 1, 1),
        ),
        "by_jonah": make_article(
            tree.blog, "By Jonah", authors=[other_author], date=datetime.date(2024, 6, 1)
        ),
    }


def test_site_feeds_list_published_articles_newest_first(tree, author, articles):
    make_article(tree.blog, "Draft", authors=[author], live=False)
    private = make_article(tree.blog, "Private", authors=[author])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(rss_items("articles")) == ["Newer", "By Jonah", "Older"]
    assert titles(atom_entries("articles"), f"{ATOM}title") == ["Newer", "By Jonah", "Older"]


def test_a_feed_shows_a_publish_or_an_unpublish_at_once(tree, author, articles):
    assert titles(rss_items("articles")) == ["Newer", "By Jonah", "Older"]
    make_article(tree.blog, "Newest", authors=[author], date=datetime.date(2025, 6, 1))
    articles["by_jonah"].unpublish()
    assert titles(rss_items("articles")) == ["Newest", "Newer", "Older"]


def test_rss_items_carry_absolute_links_summaries_authors_and_tags(articles):
    items = {item.findtext("title"): item for item in rss_items("articles")}
    newer = items["Newer"]
    assert newer.findtext("link") == articles["newer"].full_url
    assert newer.findtext("description") == "The newest one."
    assert newer.findtext(DC_CREATOR) == "Maren Oakhurst and Jonah Whitlowe"
    assert parsedate_to_datetime(newer.findtext("pubDate")).date() == datetime.date(2025, 1, 1)
    assert [c.text for c in items["Older"].findall("category")] == ["sleep"]


def test_atom_entries_carry_authors_and_dates(articles):
    entries = {e.findtext(f"{ATOM}title"): e for e in atom_entries("articles")}
    newer = entries["Newer"]
    assert newer.findtext(f"{ATOM}author/{ATOM}name") == "Maren Oakhurst and Jonah Whitlowe"
    assert newer.findtext(f"{ATOM}published").startswith("2025-01-01")
    assert newer.find(f"{ATOM}link").get("href") == articles["newer"].full_url


def test_technique_author_and_tag_feeds_narrow_the_articles(author, technique, articles):
    assert titles(rss_items("technique", technique.slug)) == ["Older"]
    assert titles(rss_items("author", author.slug)) == ["Newer", "Older"]
    assert titles(rss_items("tag", "sleep")) == ["Older"]
    for name, slug in [("technique", technique.slug), ("author", author.slug), ("tag", "sleep")]:
        assert len(atom_entries(name, slug)) == len(rss_items(name, slug))


def test_subject_feeds_link_to_the_page_they_follow(author, technique, articles):
    _, rss = fetch("technique-rss", technique.slug)
    assert rss.find("channel").findtext("link") == technique.full_url
    assert "Articles about Trigger Point Therapy" in rss.find("channel").findtext("title")
    _, rss = fetch("tag-rss", "sleep")
    assert rss.find("channel").findtext("link").endswith("/?tag=sleep")


@pytest.mark.parametrize("name", ["technique-rss", "author-atom", "tag-rss"])
def test_unknown_subjects_are_404(tree, name):
    assert Client().get(feed_url(name, "no-such-thing")).status_code == 404


def test_unpublished_technique_has_no_feed(tree):
    draft = make_technique(tree.techniques, "Secret Technique", live=False)
    assert Client().get(feed_url("technique-rss", draft.slug)).status_code == 404


def test_text_no_xml_parser_accepts_is_left_out(tree, author):
    make_article(tree.blog, "Pasted\x0b from a word processor", authors=[author])
    assert titles(rss_items("articles")) == ["Pasted from a word processor"]


def test_summaries_are_text_not_markup(tree, author):
    make_article(tree.blog, authors=[author], summary="Less <b>pain</b> & more ease")
    assert titles(rss_items("articles"), "description") == [
        "Less &lt;b&gt;pain&lt;/b&gt; &amp; more ease"
    ]


def test_every_page_head_links_the_site_feeds_and_its_own(article, author, technique):
    for page, own in [(article, None), (technique, "technique"), (author, "author")]:
        content = Client().get(page.url).content.decode()
        hrefs = re.findall(
            r'<link rel="alternate" type="application/[a-z]+\+xml"[^>]*href="([^"]*)"', content
        )
        expected = [feed_url("articles-rss"), feed_url("articles-atom")]
        if own:
            expected += [feed_url(f"{own}-rss", page.slug), feed_url(f"{own}-atom", page.slug)]
        assert hrefs == expected
        for href in hrefs:
            assert Client().get(href).status_code == 200


def test_feed_queries_do_not_grow_with_articles(tree, technique):
    def add_articles(count):
        for _ in range(count):
            make_article(
                tree.blog,
                authors=[make_author(tree.authors), make_author(tree.authors)],
                techniques=[technique],
                tags=["a", "b"],
            )

    def count_queries():
        client = Client()
        client.get(feed_url("articles-rss"))
        with CaptureQueriesContext(connection) as queries:
            client.get(feed_url("articles-rss"))
        return len(queries)

    add_articles(2)
    few = count_queries()
    add_articles(8)
    assert count_queries() == few
