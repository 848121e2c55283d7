"""The anonymous page cache: shared pages are served without touching the database, and
dropped the moment anything they show changes."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import locmem
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.moderation.moderate import moderate
from blog.core.models import HealthDisclaimer
from blog.models import BlogIndexPage

from ...comments import make_comment, post
from ...factories import make_article, make_author

HIT = "X-Wellness-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.WELLNESS_PAGE_CACHE = True
    settings.WELLNESS_ROUTE_CACHE = True


def get(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, url
    return response


def warm(url):
    """View ``url`` until it is cached. (The very first view of a site creates its settings
    rows, which rightly makes that first copy stale.)"""
    for _ in range(3):
        if get(Client(), url)[HIT] == "hit":
            return
    raise AssertionError(f"{url} is never served from the cache")


def test_cached_view_runs_no_queries(article, django_assert_num_queries):
    assert get(Client(), article.url)[HIT] == "miss"
    warm(article.url)
    with django_assert_num_queries(0):
        response = get(Client(), article.url)
    assert response[HIT] == "hit"
    assert article.title in response.content.decode()


def test_headers_let_a_cdn_sit_in_front(article, admin_client):
    anonymous = get(Client(), article.url)
    assert "public" in anonymous["Cache-Control"] and "max-age=0" in anonymous["Cache-Control"]
    assert "Cookie" in anonymous["Vary"]
    editor = get(admin_client, article.url)
    assert "private" in editor["Cache-Control"]


def test_shared_html_carries_nothing_personal(article):
    html = get(Client(), article.url).content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' in html
    assert 'name="token" value=""' in html
    assert "csrftoken" not in get(Client(), article.url).cookies


def test_publishing_an_article_shows_it_on_the_index_at_once(tree, author, article):
    warm(tree.blog.url)
    new = make_article(tree.blog, "Freshly published", authors=[author])
    response = get(Client(), tree.blog.url)
    assert response[HIT] == "miss"
    assert new.title in response.content.decode()


def test_unpublishing_drops_the_page_and_its_card(tree, article):
    warm(article.url)
    warm(tree.blog.url)
    article.unpublish()
    assert Client().get(article.url).status_code == 404
    assert article.title not in get(Client(), tree.blog.url).content.decode()


def test_deleting_and_moving_drop_the_old_url(tree, author, article):
    other = make_article(tree.blog, "To be deleted", authors=[author])
    for url in (article.url, other.url, tree.blog.url):
        warm(url)
    other.delete()
    assert "To be deleted" not in get(Client(), tree.blog.url).content.decode()
    assert Client().get(other.url).status_code == 404
    old_url = article.url
    second_blog = BlogIndexPage(title="Elsewhere", slug="elsewhere")
    Page.get_first_root_node().add_child(instance=second_blog)
    article.move(second_blog, pos="last-child")
    assert Client().get(old_url).status_code == 404


def test_approving_a_comment_shows_it_at_once(article, admin_user):
    comment = make_comment(article, status=ReaderComment.Status.PENDING, body="Please approve me")
    warm(article.url)
    assert "Please approve me" not in get(Client(), article.url).content.decode()
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    assert "Please approve me" in get(Client(), article.url).content.decode()
    moderate(ReaderComment.objects.filter(pk=comment.pk), "spam", admin_user)
    assert "Please approve me" not in get(Client(), article.url).content.decode()


def test_comment_counts_on_cards_follow_moderation(tree, article, admin_user):
    comment = make_comment(article, status=ReaderComment.Status.PENDING)
    warm(tree.blog.url)
    assert "1 comment" not in get(Client(), tree.blog.url).content.decode()
    moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", admin_user)
    assert "1 comment" in get(Client(), tree.blog.url).content.decode()


def test_own_pending_comment_is_visible_only_to_its_author(article):
    warm(article.url)  # cached without the comment
    reader = Client()
    assert post(reader, article, body="Mine, awaiting moderation").status_code == 303
    mine = get(reader, article.url)
    assert "Mine, awaiting moderation" in mine.content.decode()
    assert mine.get(HIT) is None  # a reader with a session bypasses the cache
    others = get(Client(), article.url)
    assert others[HIT] == "hit"
    assert "Mine, awaiting moderation" not in others.content.decode()


def test_editors_never_get_a_cached_page(article, admin_client):
    warm(article.url)
    response = get(admin_client, article.url)
    assert response.get(HIT) is None
    assert "wagtail-userbar" in response.content.decode()


def test_renaming_an_author_or_technique_updates_the_articles_showing_them(
    article, author, technique
):
    warm(article.url)
    author.title = "Maren Oakhurst-Lee"
    author.save_revision().publish()
    technique.title = "Trigger Point Release"
    technique.save_revision().publish()
    html = get(Client(), article.url).content.decode()
    assert "Maren Oakhurst-Lee" in html and "Trigger Point Release" in html


def test_site_settings_apply_at_once(article, tree):
    from wagtail.models import Site

    warm(article.url)
    site = Site.objects.get(is_default_site=True)
    disclaimer = HealthDisclaimer.for_site(site)
    disclaimer.text = "Not medical advice: a brand new disclaimer."
    disclaimer.save()
    assert "a brand new disclaimer" in get(Client(), article.url).content.decode()
    rules = DiscussionSettings.for_site(site)
    rules.comments_enabled = False
    rules.save()
    assert "Comments are closed" in get(Client(), article.url).content.decode()


def test_the_comment_form_works_on_a_cached_page(article):
    warm(article.url)
    reader = Client(enforce_csrf_checks=True)
    assert get(reader, article.url)[HIT] == "hit"
    tokens = reader.get(reverse("wellness_comments:tokens", args=[article.pk])).json()
    response = reader.post(
        reverse("wellness_comments:post", args=[article.pk]),
        {"name": "Rowan", "email": "r@example.com", "body": "Posted from a cached page.", **tokens},
    )
    assert response.status_code == 303
    assert ReaderComment.objects.filter(body="Posted from a cached page.").exists()


def test_without_javascript_the_write_page_has_a_complete_form(article):
    html = get(Client(), article.url).content.decode()
    write = reverse("wellness_comments:write", args=[article.pk])
    assert f'href="{write}#comment-form"' in html
    page = get(Client(), write).content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' not in page
    assert 'name="token" value=""' not in page
    assert "no-cache" in Client().get(write)["Cache-Control"]


def test_the_cache_can_be_switched_off(article, settings):
    settings.WELLNESS_PAGE_CACHE = False
    get(Client(), article.url)
    assert get(Client(), article.url).get(HIT) is None


def test_pages_that_do_not_show_comments_keep_their_copy(tree, article, admin_user):
    warm(tree.techniques.url)
    comment = make_comment(article)
    moderate(ReaderComment.objects.filter(pk=comment.pk), "reject", admin_user)
    # The techniques index shows no articles or comments: its copy stays.
    assert get(Client(), tree.techniques.url)[HIT] == "hit"


def test_the_wsgi_front_answers_hits_before_django(article):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.client import RequestFactory

    from blog.pagecache.wsgi import PageCacheApplication

    warm(article.url)
    environ = RequestFactory().get(article.url).environ
    called = []

    def django(environ, start_response):
        called.append(environ)
        return WSGIHandler()(environ, start_response)

    def start_response(status, headers):
        answers.append((status, dict(headers)))

    answers = []
    body = b"".join(PageCacheApplication(django)(dict(environ), start_response))
    assert not called
    assert answers[0][0] == "200 OK" and answers[0][1][HIT] == "hit"
    assert article.title.encode() in body
    unknown_session = {**environ, "HTTP_COOKIE": "sessionid=abc"}
    b"".join(PageCacheApplication(django)(unknown_session, start_response))
    assert not called  # a session that holds nothing changes nothing
    reader = Client()
    assert post(reader, article, body="Mine").status_code == 303
    with_comment = {**environ, "HTTP_COOKIE": f"sessionid={reader.cookies['sessionid'].value}"}
    b"".join(PageCacheApplication(django)(with_comment, start_response))
    assert len(called) == 1  # their comment is on this page: it is built for them


def test_making_a_page_private_drops_its_public_copy_at_once(tree, article):
    from wagtail.models import PageViewRestriction

    warm(article.url)
    warm(tree.blog.url)
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert Client().get(article.url).status_code == 302
    assert article.title not in get(Client(), tree.blog.url).content.decode()
    restriction.delete()
    assert get(Client(), article.url).status_code == 200


def travel_to(monkeypatch, moment):
    """From now on the clock (Django's, and the local-memory cache's for setting and checking
    expiry times) reads ``moment``, and stands still there until the test moves it."""
    clock = SimpleNamespace(time=moment.timestamp)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    for module in (locmem, cache_base):
        monkeypatch.setattr(module, "time", clock)


@pytest.mark.parametrize("fragments", [False, True], ids=["page", "page and fragments"])
def test_a_cached_article_stops_claiming_its_review_the_day_it_falls_due(
    tree, author, settings, monkeypatch, fragments
):
    settings.WELLNESS_FRAGMENT_CACHE = fragments
    # A site that keeps pages for a month, in a cache whose clock the test can move.
    settings.CACHES = {**settings.CACHES, "clock": {"BACKEND": locmem.__name__ + ".LocMemCache"}}
    settings.WELLNESS_CACHE_ALIAS = "clock"
    settings.WELLNESS_CACHE_TIMEOUT = settings.WELLNESS_CDN_MAX_AGE = 31 * 24 * 3600
    start = timezone.now().replace(microsecond=0)
    travel_to(monkeypatch, start)
    article = make_article(
        tree.blog,
        authors=[author],
        reviewer=make_author(tree.authors, "Jonah Whitlowe"),
        last_reviewed=timezone.localdate() - datetime.timedelta(days=20),
        review_interval_months=1,  # due in a week and a half
    )
    due = timezone.make_aware(datetime.datetime.combine(article.next_review_due(), datetime.time()))
    warm(article.url)
    travel_to(monkeypatch, start + datetime.timedelta(seconds=10))
    response = get(Client(), article.url)
    assert response[HIT] == "hit" and "Reviewed by" in response.content.decode()
    # A CDN may keep it no longer either: the copy says how old it is (Age), and its
    # s-maxage, counted from when it was made, ends when the review falls due.
    s_maxage = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"])[1])
    assert response["Age"] == "10"
    assert s_maxage - int(response["Age"]) == (due - timezone.now()).total_seconds()
    travel_to(monkeypatch, due - datetime.timedelta(seconds=5))
    assert get(Client(), article.url)[HIT] == "hit"
    travel_to(monkeypatch, due + datetime.timedelta(seconds=1))
    response = get(Client(), article.url)
    assert response[HIT] == "miss"
    assert "A new review is due." in response.content.decode()
