"""Two app servers over one database and one Redis: what happens through one, the other shows at
once. Each scenario acts on one server and looks at both, with no waiting in between."""

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import cache
from django.urls import reverse

from blog.models import ArticlePage, AuthorPage, BlogIndexPage

from ..admin_forms import add_url, article_form
from .browser import Browser, reader_sees

pytestmark = pytest.mark.scaleout


def test_a_login_on_one_server_holds_on_the_other(site):
    one, two = site.urls
    editor = Browser()
    editor.log_in(one, "admin", site.password)
    assert editor.admin_home_status(two) == 200
    # The session is in the shared Redis, read from there before the database.
    assert cache.get(KEY_PREFIX + editor.cookies["sessionid"])

    assert editor.post_form(f"{two}/admin/logout/", {}).status_code == 302
    assert editor.admin_home_status(one) == 302


def test_an_article_published_through_one_server_is_on_both_indexes(site, servers_database):
    one, _ = site.urls
    title = "Published through the first server"
    assert not any(title in reader_sees(server) for server in site.urls)

    editor = Browser()
    editor.log_in(one, "admin", site.password)
    form = article_form(title=title, authors=[AuthorPage.objects.live().first()])
    form["action-publish"] = "Publish"
    url = one + add_url(ArticlePage, BlogIndexPage.objects.get())
    assert editor.post_form(url, form).status_code == 302

    article = ArticlePage.objects.get(title=title)
    for server in site.urls:
        assert title in reader_sees(server)
        assert title in reader_sees(server, article.url)


def test_an_article_submitted_on_one_server_and_approved_on_the_other_is_on_both(
    site, servers_database
):
    one, two = site.urls
    title = "Submitted on the first server, approved on the second"
    therapist = Browser()
    therapist.log_in(one, "maren", site.password)
    form = article_form(title=title, authors=[AuthorPage.objects.get(user__username="maren")])
    form["action-submit"] = "Submit for moderation"
    url = one + add_url(ArticlePage, BlogIndexPage.objects.get())
    assert therapist.post_form(url, form).status_code == 302
    article = ArticlePage.objects.get(title=title)
    assert not article.live
    assert not any(title in reader_sees(server) for server in site.urls)

    moderator = Browser()
    moderator.log_in(two, "admin", site.password)
    # The demo's workflow has two tasks (clinical review, then the moderators' sign-off):
    # the admin may approve both, and the last approval publishes.
    for _ in range(article.get_workflow().workflow_tasks.count()):
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
        )
        assert moderator.post_form(two + approve, {"comment": ""}).status_code == 302
    article.refresh_from_db()
    assert article.live
    for server in site.urls:
        assert title in reader_sees(server)


def test_a_comment_posted_on_one_server_and_approved_on_the_other_is_on_both(
    site, servers_database
):
    from blog.comments.models import ReaderComment

    one, two = site.urls
    article = ArticlePage.objects.live().order_by("pk").first()
    body = "Posted through the first server, approved through the second."
    reader = Browser()
    # Article pages are shared and cached: the form's tokens come from their own endpoint.
    tokens = reader.get(f"{one}/comments/{article.pk}/form-tokens/", timeout=30).json()
    form = {"name": "Rowan", "email": "rowan@example.com", "body": body, "parent": "", **tokens}
    response = reader.post_form(f"{one}/comments/{article.pk}/", form)
    assert response.status_code == 303
    assert not any(body in reader_sees(server, article.url) for server in site.urls)
    assert body in reader.get(f"{two}{article.url}", timeout=30).text  # their own, on both

    comment = ReaderComment.objects.get(body=body)
    moderator = Browser()
    moderator.log_in(two, "admin", site.password)
    pending_count = moderator.get(f"{two}/admin/", timeout=30).text
    assert "Comments (" in pending_count
    url = two + reverse("wellness_moderation:moderate", args=[comment.pk, "approve"])
    assert moderator.post_form(url, {}).status_code == 302
    for server in site.urls:
        assert body in reader_sees(server, article.url)
