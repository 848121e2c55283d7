"""sitemap.xml lists what search engines may index, and robots.txt points them to it."""

import datetime
import itertools
import xml.etree.ElementTree as ET

from django.test import Client
from wagtail.models import Page, PageViewRestriction

from ...factories import make_article, make_author
from ...queries import queries_of, sql_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_entries():
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urlset = ET.fromstring(response.content)  # noqa: S314 (our own output, from test data)
    assert urlset.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in urlset.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_live_public_page_with_its_last_change(tree, article, technique):
    entries = sitemap_entries()
    live = Page.objects.live().descendant_of(tree.blog, inclusive=True)
    assert live.count() == 6  # the blog, its two sections, a technique, an author, an article
    assert set(entries) == {page.full_url for page in live}
    for lastmod in entries.values():
        datetime.date.fromisoformat(lastmod)
    assert entries[article.full_url] == f"{article.last_published_at:%Y-%m-%d}"


def test_sitemap_leaves_out_drafts_and_private_pages(tree, author):
    draft = make_article(tree.blog, "Draft", authors=[author], live=False)
    private = make_article(tree.blog, "Private", authors=[author])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    members = make_author(tree.authors, "Members only")
    PageViewRestriction.objects.create(page=tree.authors, restriction_type="login")
    entries = sitemap_entries()
    assert tree.blog.full_url in entries
    for hidden in (draft, private, tree.authors, members, author):
        assert hidden.full_url not in entries


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(tree):
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def xml(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own output, from test data)


def part_urls(index):
    assert index.tag == f"{SITEMAP}sitemapindex"
    return [entry.findtext(f"{SITEMAP}loc") for entry in index.findall(f"{SITEMAP}sitemap")]


def listed_in_parts(per_part):
    """The URLs each part of the sitemap lists, in the index's order of its parts."""
    parts = []
    for url in part_urls(xml("/sitemap.xml")):
        urlset = xml(url.removeprefix("http://testserver"))
        urls = [entry.findtext(f"{SITEMAP}loc") for entry in urlset.findall(f"{SITEMAP}url")]
        assert 0 < len(urls) <= per_part
        parts.append(urls)
    return parts


def listed(per_part):
    """Every URL the sitemap's parts list, part after part."""
    return list(itertools.chain.from_iterable(listed_in_parts(per_part)))


def live_urls(tree):
    """The URLs of every live, public page of the site, in the sitemap's order (by path)."""
    live = Page.objects.live().public().descendant_of(tree.blog, inclusive=True)
    return [page.full_url for page in live.order_by("path")]


def test_a_site_with_more_pages_than_a_part_holds_gets_an_index_of_parts(
    tree, article, technique, settings
):
    settings.WELLNESS_SITEMAP_URLS_PER_PART = 4
    index = xml("/sitemap.xml")
    assert part_urls(index) == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
    ]
    live = Page.objects.live().descendant_of(tree.blog, inclusive=True)
    assert sorted(listed(4)) == sorted(page.full_url for page in live)  # each page once
    for entry in index.findall(f"{SITEMAP}sitemap"):  # the site's latest change
        lastmod = datetime.datetime.fromisoformat(entry.findtext(f"{SITEMAP}lastmod"))
        assert lastmod == max(page.last_published_at for page in live)
    for missing in ("/sitemap-pages.xml?p=3", "/sitemap-pages.xml?p=x", "/sitemap-other.xml"):
        assert Client().get(missing).status_code == 404


# A part: the site, its view restrictions, the part's pages, and one query for each page
# type among them (three at most in a part of three): the same on a site of any size. (Where
# the parts start, and how many pages there are, is kept: blog.discovery.sitemaps.)
PART_BUDGET = 6


def test_a_sitemap_part_and_the_index_cost_the_same_queries_however_large_the_site(
    tree, author, settings
):
    settings.WELLNESS_SITEMAP_URLS_PER_PART = 3

    make_article(tree.blog, "One", authors=[author])
    index = queries_of("/sitemap.xml")
    assert queries_of("/sitemap-pages.xml", p=2) <= PART_BUDGET
    for n in range(12):
        make_article(tree.blog, f"More {n}", authors=[author])
    assert queries_of("/sitemap.xml") == index
    assert all(queries_of("/sitemap-pages.xml", p=p) <= PART_BUDGET for p in range(1, 7))


def test_the_last_part_costs_the_queries_of_the_first(tree, author, settings):
    # A page a part: the first (the blog) and the last (an article) then hold one page type
    # each, so they cost the same queries wherever the part is.
    settings.WELLNESS_SITEMAP_URLS_PER_PART = 1
    for n in range(2):
        make_article(tree.blog, f"Early {n}", authors=[author])
    first = queries_of("/sitemap-pages.xml", p=1)
    for n in range(10):
        make_article(tree.blog, f"More {n}", authors=[author])
    last = len(live_urls(tree))
    assert queries_of("/sitemap-pages.xml", p=last) == first
    # Nor does the database skip the parts before it to find it.
    assert not any("OFFSET" in sql.upper() for sql in sql_of("/sitemap-pages.xml", p=last))


def test_parts_cover_every_page_once_after_a_page_is_published_or_unpublished(
    tree, author, settings
):
    settings.WELLNESS_SITEMAP_URLS_PER_PART = 3

    def in_parts_of_three(urls):  # as Django's paginator parts them
        return [urls[start : start + 3] for start in range(0, len(urls), 3)]

    articles = [make_article(tree.blog, f"Article {n}", authors=[author]) for n in range(6)]
    draft = make_article(tree.blog, "Draft", authors=[author], live=False)
    make_article(tree.blog, "Last", authors=[author])
    assert listed_in_parts(3) == in_parts_of_three(live_urls(tree))  # and kept

    articles[1].unpublish()  # every part after it starts a page later
    assert articles[1].full_url not in listed(3)
    assert listed_in_parts(3) == in_parts_of_three(live_urls(tree))

    draft.save_revision().publish()  # between two others: the parts after it shift back
    assert draft.full_url in listed(3)
    assert listed_in_parts(3) == in_parts_of_three(live_urls(tree))
