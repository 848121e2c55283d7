"""Kept fragments: a page built for one request reuses the parts every reader sees, and never
shows them stale, nor anyone's draft or anyone's own comments to someone else."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate
from blog.core import warming

from ...admin_forms import article_form
from ...comments import make_comment, post
from ...factories import make_article, make_author, make_technique


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    """Fragments on, the whole-page cache off: every view is built, from kept parts."""
    settings.WELLNESS_FRAGMENT_CACHE = True
    settings.WELLNESS_ROUTE_CACHE = True
    settings.WELLNESS_PAGE_CACHE = False


def html(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def queries(url, client=None):
    client = client or Client()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def warm(url):
    for _ in range(2):  # the first view of a site creates its settings rows
        html(url)


def test_a_kept_article_costs_two_queries_whatever_it_shows(tree, author, technique):
    bare = make_article(tree.blog, authors=[author])
    full = make_article(
        tree.blog,
        authors=[author, make_author(tree.authors, "Jonah Whitlowe")],
        techniques=[technique, make_technique(tree.techniques)],
        tags=["a", "b", "c"],
    )
    for n in range(12):
        make_comment(full, body=f"Comment {n}")
    for article in (bare, full):
        warm(article.url)
    # The page's row, and Wagtail's check of its view restrictions.
    assert queries(bare.url) == queries(full.url) == 2


def test_editing_an_article_shows_at_once(article):
    warm(article.url)
    article.title = "A new title for the kept article"
    article.save_revision().publish()
    assert "A new title for the kept article" in html(article.url)


def test_renaming_an_author_updates_the_kept_byline(article, author):
    warm(article.url)
    author.title = "Maren O. Renamed"
    author.save_revision().publish()
    assert "Maren O. Renamed" in html(article.url)


def test_approving_a_comment_shows_it_at_once(article, admin_user):
    comment = make_comment(article, status=ReaderComment.Status.PENDING, body="Approve me")
    warm(article.url)
    assert "Approve me" not in html(article.url)
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    page = html(article.url)
    assert "Approve me" in page
    assert "1 comment" in page  # the count in the byline is in another kept part


def test_a_readers_own_pending_comment_is_theirs_alone(article):
    warm(article.url)
    reader = Client()
    assert post(reader, article, body="Mine, awaiting moderation").status_code == 303
    assert "Mine, awaiting moderation" in html(article.url, reader)
    assert "Mine, awaiting moderation" not in html(article.url)


def test_a_preview_is_never_kept(admin_client, article):
    warm(article.url)
    article.title = "An unpublished title"
    article.save_revision()  # a draft
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert "An unpublished title" in preview.content.decode()
    assert "An unpublished title" not in html(article.url)


def test_a_listing_is_kept_for_its_plain_url_only(tree, article):
    warm(tree.blog.url)
    assert queries(tree.blog.url) == 2
    # A filter or a page number is rendered for the request, never kept: no query string
    # can fill the cache.
    assert "Trigger point" in html(tree.blog.url + "?tag=chronic-pain")
    assert queries(tree.blog.url + "?tag=chronic-pain") > 2
    assert queries(tree.blog.url + "?tag=chronic-pain") > 2


def test_a_part_used_while_it_is_computed_says_so():
    from blog.core.fragments import lazy_parts

    parts = lazy_parts(lambda: {"a": str(parts["b"]), "b": "b"}, ["a", "b"])
    with pytest.raises(RuntimeError, match="'b' was used while it was being computed"):
        str(parts["a"])


# The first reader after a change


def test_the_first_reader_after_a_publish_finds_it_kept(
    settings, admin_client, tree, author, article, django_capture_on_commit_callbacks
):
    settings.WELLNESS_WARM_AFTER_CHANGES = True
    warm(article.url)  # the site's settings rows are made on its first views
    url = reverse("wagtailadmin_pages:add", args=["wellness_blog", "articlepage", tree.blog.pk])
    form = article_form(title="Published just now", authors=[author])
    form["action-publish"] = "Publish"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, form).status_code == 302
    article = tree.blog.get_children().get(title="Published just now")
    host = {"HTTP_HOST": "localhost"}  # the site's own address, which the server asked for
    for page in (article, tree.blog):
        with CaptureQueriesContext(connection) as captured:
            response = Client().get(page.url, **host)
        assert "Published just now" in response.content.decode()
        assert len(captured) == 2, page


def test_the_first_reader_after_an_approval_finds_it_kept(
    settings, article, admin_user, django_capture_on_commit_callbacks
):
    settings.WELLNESS_WARM_AFTER_CHANGES = True
    warm(article.url)  # the site's settings rows are made on its first views
    comment = make_comment(article, status=ReaderComment.Status.PENDING, body="Approve me")
    with django_capture_on_commit_callbacks(execute=True):
        moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(article.url, HTTP_HOST="localhost")
    assert "Approve me" in response.content.decode()
    assert len(captured) == 2


def test_an_import_warms_nothing(settings, article, django_capture_on_commit_callbacks):
    settings.WELLNESS_WARM_AFTER_CHANGES = True
    with django_capture_on_commit_callbacks(execute=True), warming.paused():
        article.save_revision().publish()
    with CaptureQueriesContext(connection) as captured:
        Client().get(article.url, HTTP_HOST="localhost")
    assert len(captured) > 2  # built by its first reader


# Readers with a session still get the shared page where nothing of theirs is on it


@pytest.fixture
def page_cache(settings):
    settings.WELLNESS_PAGE_CACHE = True


def cache_header(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get("X-Wellness-Cache")


def test_a_reader_who_commented_gets_cached_pages_elsewhere(page_cache, tree, article, author):
    other = make_article(tree.blog, "Another article", authors=[author])
    reader = Client()
    assert post(reader, article, body="Mine, awaiting moderation").status_code == 303
    for url in (other.url, tree.blog.url, author.url):
        warm(url)
        assert cache_header(reader, url) == "hit", url
    # Their own comment's page is built for them, and never shared.
    assert cache_header(reader, article.url) is None
    assert "Mine, awaiting moderation" in html(article.url, reader)
    warm(article.url)
    assert "Mine, awaiting moderation" not in html(article.url)


def test_an_editor_never_gets_a_cached_page(page_cache, admin_client, article):
    warm(article.url)
    assert cache_header(admin_client, article.url) is None


def test_a_message_waiting_for_its_reader_is_never_cached_away(page_cache, article):
    warm(article.url)
    client = Client()
    client.cookies["messages"] = "anything"
    assert cache_header(client, article.url) is None


def test_a_host_sites_own_session_keys_make_pages_personal_unless_listed(
    page_cache, settings, article
):
    warm(article.url)
    client = Client()
    session = client.session
    session["cart"] = ["a massage voucher"]
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert cache_header(client, article.url) is None
    settings.WELLNESS_SHARED_SESSION_KEYS = ["cart"]
    assert cache_header(client, article.url) == "hit"


def test_a_session_from_before_pages_were_remembered_keeps_every_page_personal(
    page_cache, tree, article
):
    warm(tree.blog.url)
    client = Client()
    session = client.session
    session["wellness_own_comments"] = [1]  # ids, but no pages
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert cache_header(client, tree.blog.url) is None
