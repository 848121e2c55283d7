"""Simultaneous writers: none fails, nothing is stored twice or lost (on SQLite and PostgreSQL)."""

import pytest
from django.test import Client

from blog.models import ArticlePage

from ...admin_forms import add_url, article_form
from ...concurrency import THREADS, at_once

# Flushed afterwards like any transactional test, then restored to the migrated state (groups,
# the default workflow, the root page) for the tests that follow.
concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@concurrent
def test_editors_publishing_at_once_each_get_exactly_their_article(tree, author, admin_user):
    titles = [f"Simultaneous article {i}" for i in range(THREADS)]

    def publish(i):
        client = Client()
        client.force_login(admin_user)
        form = article_form(title=titles[i], authors=[author])
        form["action-publish"] = "Publish"
        return client.post(add_url(ArticlePage, tree.blog), form).status_code

    assert at_once(publish) == [302] * THREADS
    stored = list(ArticlePage.objects.live().values_list("title", flat=True))
    assert sorted(stored) == sorted(titles)
    tree.blog.refresh_from_db()
    assert tree.blog.numchild == ArticlePage.objects.count() + 2  # + techniques, authors
    listing = Client().get("/?page=2").content.decode() + Client().get("/").content.decode()
    assert all(title in listing for title in titles)


@concurrent
def test_readers_commenting_at_once_each_get_exactly_their_comment(article):
    from blog.comments.models import ReaderComment

    from ...comments import post

    def comment(i):
        client = Client()
        response = post(
            client, article, ip=f"10.0.0.{i}", email=f"reader{i}@example.com", body=f"Body {i}"
        )
        return response.status_code

    statuses = at_once(comment)
    assert statuses == [303] * THREADS
    bodies = list(ReaderComment.objects.values_list("body", flat=True))
    assert sorted(bodies) == sorted(f"Body {i}" for i in range(THREADS))
