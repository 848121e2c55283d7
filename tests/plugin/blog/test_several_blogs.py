"""One site, two blogs: each keeps its own articles, filters, feeds and related articles."""

import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.test import Client
from wagtail.models import Site

from blog.models import AuthorIndexPage, BlogIndexPage
from therapies.models import TechniqueIndexPage

from ...factories import make_article, make_author, make_technique, publish


@pytest.fixture
def blogs(db):
    """The site's home page (Wagtail's own) with two blogs beneath it, and the techniques
    and an author they share."""
    home = Site.objects.get(is_default_site=True).root_page
    news = publish(home, BlogIndexPage(title="News", slug="news"))
    research = publish(home, BlogIndexPage(title="Research", slug="research"))
    techniques = publish(home, TechniqueIndexPage(title="Techniques", slug="techniques"))
    authors = publish(home, AuthorIndexPage(title="Authors", slug="authors"))
    technique = make_technique(techniques, "Myofascial Release")
    author = make_author(authors, "Maren Oakhurst")
    shared = {"authors": [author], "techniques": [technique], "tags": ["sleep"]}
    return SimpleNamespace(
        news=news,
        research=research,
        technique=technique,
        news_articles=[make_article(news, f"News {n}", **shared) for n in range(3)],
        research_articles=[make_article(research, f"Research {n}", **shared) for n in range(3)],
    )


def html(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_each_blog_lists_and_filters_its_own_articles(blogs):
    for blog, own, other in [
        (blogs.news, "News", "Research"),
        (blogs.research, "Research", "News"),
    ]:
        for query in ("", "?tag=sleep", f"?technique={blogs.technique.slug}"):
            page = html(blog.url + query)
            assert f"{own} 0" in page and f"{other} 0" not in page, (blog, query)


def test_each_blog_has_its_own_feeds(blogs):
    for blog, own, other in [
        (blogs.news, "News", "Research"),
        (blogs.research, "Research", "News"),
    ]:
        for url in (blog.feed_url("rss"), blog.feed_url("rss", "tag", "sleep")):
            channel = ET.fromstring(Client().get(url).content).find("channel")  # noqa: S314
            titles = [item.findtext("title") for item in channel.findall("item")]
            assert titles and all(title.startswith(own) for title in titles), url
            assert channel.findtext("title").startswith(blog.title)
            assert other not in channel.findtext("title")


def test_related_articles_come_from_the_same_blog(blogs):
    page = html(blogs.news_articles[0].url)
    related = page.split('id="related-articles-heading"')[1]
    assert "News 1" in related and "News 2" in related
    assert "Research" not in related


def test_an_article_links_its_own_blogs_feed_and_tags(blogs):
    page = html(blogs.research_articles[0].url)
    assert f'href="{blogs.research.feed_url("rss")}"' in page
    assert blogs.news.feed_url("rss") not in page
    assert f'href="{blogs.research.url}?tag=sleep"' in page


def test_pages_outside_the_blogs_link_every_blogs_feed(blogs):
    page = html(blogs.technique.url)
    for blog in (blogs.news, blogs.research):
        assert blog.feed_url("rss") in page
        assert blog.feed_url("rss", "technique", blogs.technique.slug) in page
