"""An article's author, or a moderator, answers a reader from the moderation listing or from
the article while signed in: published at once, signed with their name, credentials and an
"Author" badge linked to their profile, never their e-mail."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from blog.comments.models import ReaderComment
from blog.core.permissions import THERAPISTS
from blog.models import AuthorPage

from ...comments import comment_data, make_comment, rules

Status = ReaderComment.Status


@pytest.fixture
def the_author(article, author, django_user_model):
    """The article's author, as a therapist with an account linked to the profile, who may
    not moderate comments."""
    user = django_user_model.objects.create_user(
        "maren", "maren@clinic.example", "pw", first_name="Maren"
    )
    user.groups.add(Group.objects.get(name=THERAPISTS))
    AuthorPage.objects.filter(pk=author.pk).update(user=user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def question(article):
    return make_comment(article, name="Ann", body="Does this help with knots in the neck?")


def reply_url(comment):
    return reverse("wellness_moderation:reply", args=[comment.pk])


def test_the_author_replies_from_the_article_while_signed_in(article, the_author, question):
    page = the_author.get(article.url).content.decode()
    assert "You are answering as" in page
    data = {"parent": question.pk, "body": "Yes: gentle pressure on the knot helps."}
    response = the_author.post(reverse("wellness_comments:post", args=[article.pk]), data)
    assert response.status_code == 303
    reply = ReaderComment.objects.get(parent=question)
    assert (reply.status, reply.by_author, reply.credentials) == (
        Status.APPROVED,
        True,
        "LMT, NCTMB",
    )
    public = Client().get(article.url).content.decode()
    assert "Yes: gentle pressure on the knot helps." in public
    assert 'comment__badge--author">Author<' in public
    assert (
        f'<a href="{AuthorPage.objects.get(user__username="maren").url}">Maren Oakhurst</a>'
        in public
    )
    assert "maren@clinic.example" not in public


def test_a_moderator_replies_from_the_listing(article, admin_client, question):
    listing = admin_client.get("/admin/comments/?status=approved").content.decode()
    assert reply_url(question) in listing
    form = admin_client.get(reply_url(question))
    assert form.status_code == 200 and question.body in form.content.decode()
    response = admin_client.post(reply_url(question), {"body": "A moderator's answer."})
    assert response.status_code == 302
    reply = ReaderComment.objects.get(parent=question)
    assert reply.by_author and reply.status == Status.APPROVED
    assert "A moderator&#x27;s answer." in Client().get(article.url).content.decode()


def test_replying_to_a_pending_comment_approves_it(article, admin_client):
    pending = make_comment(article, status=Status.PENDING, body="Still waiting.")
    admin_client.post(reply_url(pending), {"body": "Answered and approved."})
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED


def test_the_author_may_reply_from_the_admin_to_a_public_comment_only(
    article, the_author, question
):
    assert the_author.get(reply_url(question)).status_code == 200
    hidden = make_comment(article, status=Status.PENDING, body="Not public yet.")
    response = the_author.get(reply_url(hidden))
    assert response.status_code == 403 and "Not public yet." not in response.content.decode()


def test_a_reader_cannot_post_as_the_author(article, question):
    data = comment_data(article, parent=question.pk, body="I am the author, honestly.")
    Client().post(reverse("wellness_comments:post", args=[article.pk]), data)
    reply = ReaderComment.objects.get(body="I am the author, honestly.")
    assert (reply.by_author, reply.status) == (False, Status.PENDING)


def test_another_articles_author_may_not_reply_as_the_author(
    tree, article, question, django_user_model
):
    from ...factories import make_author

    other = django_user_model.objects.create_user("jonah", "j@example.com", "pw")
    other.groups.add(Group.objects.get(name=THERAPISTS))
    make_author(tree.authors, "Jonah", user=other)
    client = Client()
    client.force_login(other)
    assert client.get(reply_url(question)).status_code == 403
    rules(comments_enabled=True)
    data = comment_data(article, parent=question.pk, body="Not my article.")
    client.post(reverse("wellness_comments:post", args=[article.pk]), data)
    assert not ReaderComment.objects.filter(body="Not my article.", by_author=True).exists()
