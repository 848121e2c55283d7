"""Posting a comment costs a few queries, and what it remembers between posts (the site, the
page, its privacy, the moderators) is forgotten the moment it changes."""

import contextlib
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.core import versioned
from blog.core.permissions import MODERATORS
from blog.core.tags import ROUTES, SITE

from ...comments import post, rules

Status = ReaderComment.Status

# The duplicate check, the comment, and the reader's session read and written. Before the
# site, the page's type and privacy and the moderators were remembered: 11; before the page
# itself was: 7.
POST_BUDGET = 6


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def held_mail_recipients(article, callbacks, body):
    mail.outbox.clear()
    with callbacks(execute=True):
        assert post(Client(), article, body=body).status_code == 303
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_post_costs_a_few_queries_once_the_site_is_known(
    article, moderator, django_assert_max_num_queries
):
    reader = Client()
    # Twice: the first creates the site's discussion settings, which rightly drops what the
    # cache learnt meanwhile.
    post(reader, article, body="A first comment.")
    post(reader, article, body="A second comment, which fills what is remembered.")
    with django_assert_max_num_queries(POST_BUDGET):
        response = post(reader, article, body="A third comment, from the same reader.")
    assert response.status_code == 303
    assert ReaderComment.objects.filter(status=Status.PENDING).count() == 3


def test_a_page_made_private_takes_no_more_comments(article):
    assert post(Client(), article, body="Before it was private.").status_code == 303
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = post(Client(), article, body="After it was made private.")
    assert response.status_code == 404
    assert not ReaderComment.objects.filter(body="After it was made private.").exists()


def test_a_page_whose_comments_are_closed_takes_no_more_at_once(article):
    """The page a post is for is remembered between posts, until it is published again."""
    rules()  # the site's discussion settings exist: saving them would drop what is remembered
    assert post(Client(), article, body="While comments were open.").status_code == 303
    article.comments_open = False
    article.save_revision().publish()
    response = post(Client(), article, body="After they were closed.")
    assert response.status_code == 403
    assert not ReaderComment.objects.filter(body="After they were closed.").exists()


def test_what_an_older_release_remembered_for_a_page_does_not_break_posting(article):
    """Releases before this one kept the page's model label where posting finds the page:
    a site upgraded with that still in its cache (Redis outlives a deploy) must take
    comments at once."""
    rules()
    tags = versioned.versions({ROUTES, SITE})
    versioned.put(f"wellness:commentable:{article.pk}", article._meta.label, tags)
    assert post(Client(), article, body="Just after the upgrade.").status_code == 303


def test_an_unpublished_page_takes_no_more_comments(article):
    assert post(Client(), article, body="While it was live.").status_code == 303
    article.unpublish()
    assert post(Client(), article, body="After it was unpublished.").status_code == 404


def test_a_new_moderator_is_told_of_the_next_held_comment_and_a_former_one_is_not(
    article, moderator, django_user_model, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    assert held_mail_recipients(article, callbacks, "First.") == ["mo@example.com"]
    newcomer = django_user_model.objects.create_user("new", "new@example.com", "pw")
    newcomer.groups.add(Group.objects.get(name=MODERATORS))
    assert held_mail_recipients(article, callbacks, "Second.") == [
        "mo@example.com",
        "new@example.com",
    ]
    moderator.groups.clear()
    assert held_mail_recipients(article, callbacks, "Third.") == ["new@example.com"]
    newcomer.is_active = False
    newcomer.save()
    Group.objects.get(name=MODERATORS).user_set.add(moderator)
    assert held_mail_recipients(article, callbacks, "Fourth.") == ["mo@example.com"]


def test_a_site_whose_address_changes_gets_its_own_rules_at_once(article):
    """The site a request is for is remembered per address; changing a site's address sends
    its readers to the site that now answers there, with that site's rules."""
    other = Site.objects.create(hostname="other.example", root_page=article.get_parent())
    closed = DiscussionSettings.for_site(other)
    closed.comments_enabled = False
    closed.save()
    rules(comments_enabled=True)  # the default site's
    on_other = {"HTTP_HOST": "other.example"}
    assert post_to(article, **on_other).status_code == 403  # the other site's rules: closed
    other.hostname = "elsewhere.example"
    other.save()
    assert post_to(article, **on_other).status_code == 303  # now the default site answers


def post_to(article, **headers):
    client = Client(**headers)
    return post(client, article, body=f"Posted to {headers}.")


def test_posts_to_ids_no_page_has_leave_nothing_behind_in_the_cache(article):
    """An attacker's ids are answered 404 and remembered nowhere: the cache holds what it
    held, however many ids they try."""
    reader = Client()
    post(reader, article, body="A comment, which fills what is remembered.")
    cache = versioned.backend()
    writes = ("set", "add", "set_many")
    patches = [mock.patch.object(cache, name, wraps=getattr(cache, name)) for name in writes]
    with contextlib.ExitStack() as stack:
        spies = [stack.enter_context(patch) for patch in patches]
        for page_id in (article.pk + 1000, 2**40, 2**63 - 1):
            response = reader.post(reverse("wellness_comments:post", args=[page_id]), {})
            assert response.status_code == 404
    assert [call for spy in spies for call in spy.call_args_list] == []
