"""Every moderation URL and bulk action, for every kind of user, by GET and by POST: a comment
a user may not moderate is never changed by them and never shown to them, in any form.

The URLs are found by walking the URLconf, so a view added to the moderation admin later is
covered without anyone remembering to add it here."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.moderation.moderate import ACTIONS
from blog.core.permissions import MODERATORS, THERAPISTS

from ...factories import make_article, make_author

Status = ReaderComment.Status
ROLES = ["anonymous", "therapist", "author of another article", "moderator", "superuser"]
MAY_MODERATE = {"moderator", "superuser"}
# What of the comment could show: its writer, their address, its words.
SECRET = {"name": "Quillon Vantreese", "email": "quillon@private.example", "body": "Zephyrine"}


def moderation_namespaces():
    meta = ReaderComment._meta
    return {"wellness_moderation", f"wagtailsnippetchoosers_{meta.app_label}_{meta.model_name}"}


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern


def moderation_urls(comment):
    """Every URL of the moderation admin (with this comment's id where one is taken), every
    bulk action on it, the dashboard with its panel, and the site history report, which
    lists moderation log entries."""
    urls = [reverse("wagtailadmin_home"), reverse("wagtailadmin_reports:site_history")]
    for namespace, pattern in walk(get_resolver().url_patterns):
        if namespace not in moderation_namespaces():
            continue
        name = f"{namespace}:{pattern.name}"
        converters = pattern.pattern.converters
        if "action" in converters:
            urls += [reverse(name, args=(comment.pk, action)) for action in [*ACTIONS, "delete"]]
        elif converters:
            urls.append(reverse(name, args=(comment.pk,)))
        else:
            urls.append(reverse(name))
    meta = ReaderComment._meta
    for action in [*ACTIONS, "delete"]:
        bulk = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, action))
        urls += [f"{bulk}?id={comment.pk}", f"{bulk}?id=all&status="]  # "all": every status
    return urls


@pytest.fixture
def comment(tree):
    """A pending comment on an article that only its own author wrote, with an entry in the
    audit log (its label holds the name and first words), as one sent back to moderation."""
    article = make_article(tree.blog, "Their article", authors=[make_author(tree.authors)])
    comment = ReaderComment.objects.create(page=article, **SECRET)
    log(comment, "wellness_comments.approve")
    return comment


@pytest.fixture
def users(tree, django_user_model):
    """A logged-in client for each role. Authors moderate their own articles' comments here,
    and the author of another article has a comment of their own to moderate."""
    rules = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    rules.authors_moderate_own = True
    rules.save()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    other_author = member("other", THERAPISTS)
    own = make_article(
        tree.blog, "Their own", authors=[make_author(tree.authors, user=other_author)]
    )
    ReaderComment.objects.create(page=own, name="Mine", email="m@example.com", body="Hi")
    accounts = {
        "therapist": member("therapist", THERAPISTS),
        "author of another article": other_author,
        "moderator": member("moderator", MODERATORS),
        "superuser": django_user_model.objects.create_superuser("root", "root@example.com", "pw"),
    }
    clients = {"anonymous": Client()}
    for role, user in accounts.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(users, comment, role, method):
    client = users[role]
    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk))
    logged = entries.count()
    for index in range(len(moderation_urls(comment))):
        if not ReaderComment.objects.filter(pk=comment.pk).exists():  # deleted by a moderator
            comment = ReaderComment.objects.create(page=comment.page, **SECRET)
        url = moderation_urls(comment)[index]
        response = getattr(client, method)(url, follow=method == "get")
        assert response.status_code < 500, f"{method.upper()} {url}: {response.status_code}"
        if role in MAY_MODERATE:
            assert response.status_code not in (403, 404), f"{role} refused {url}"
            continue
        html = response.content.decode()
        for field, secret in SECRET.items():
            assert secret not in html, f"{role} saw the comment's {field} at {method} {url}"
        comment.refresh_from_db()
        assert comment.status == Status.PENDING, f"{role} changed it with {method} {url}"
    if role not in MAY_MODERATE:
        assert entries.count() == logged
