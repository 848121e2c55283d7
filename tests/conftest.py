from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from blog.core.permissions import MODERATORS, THERAPISTS

from .factories import make_article, make_author, make_site_tree, make_technique


@pytest.fixture
def tree(db):
    blog, techniques, authors = make_site_tree()
    return SimpleNamespace(blog=blog, techniques=techniques, authors=authors)


@pytest.fixture
def technique(tree):
    return make_technique(tree.techniques, "Trigger Point Therapy")


@pytest.fixture
def author(tree):
    return make_author(tree.authors, "Maren Oakhurst", credentials="LMT, NCTMB")


@pytest.fixture
def article(tree, author, technique):
    return make_article(
        tree.blog,
        "Trigger point therapy for chronic pain",
        authors=[author],
        techniques=[technique],
        tags=["chronic pain"],
    )


@pytest.fixture
def therapist(tree, django_user_model):
    """A therapist with an author profile: no publishing, no moderation, no accounts."""
    user = django_user_model.objects.create_user("maren", password="pw")
    user.groups.add(Group.objects.get(name=THERAPISTS))
    make_author(tree.authors, "Maren Oakhurst", user=user)
    return user


@pytest.fixture
def moderator(db, django_user_model):
    """A member of the Moderators group: moderates every comment, publishes nothing."""
    user = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and renditions live in the cache; no test should see another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mail_server(settings):
    """The mail server behind Django's locmem outbox, for the test to take down, make refuse
    an address, or hold a message (tests/mail_backends.py)."""
    from . import mail_backends

    settings.EMAIL_BACKEND = "tests.mail_backends.ControlledBackend"
    mail_backends.server.reset()
    yield mail_backends.server
    mail_backends.server.reset()
