"""sitemap.xml lists what search engines may index, and robots.txt points them to it."""

import datetime
import xml.etree.ElementTree as ET

from django.test import Client
from wagtail.models import Page, PageViewRestriction

from ..factories import make_article, make_author

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
