"""Helpers for posting comments the way a reader's browser does."""

import itertools
import time

from django.core import signing
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.posting.form import TOKEN_SALT


def token(article, age=60):
    """A form token as if the page had been open for ``age`` seconds."""
    return signing.dumps({"page": article.pk, "issued": time.time() - age}, salt=TOKEN_SALT)


def comment_data(article, age=60, **fields):
    return {
        "name": "Rowan Reader",
        "email": "rowan@example.com",
        "body": "Thank you, this helped my shoulder.",
        "parent": "",
        "website": "",
        "token": token(article, age),
        **fields,
    }


def post(client, article, json=False, age=60, ip="203.0.113.7", **fields):
    headers = {"Accept": "application/json"} if json else {}
    return client.post(
        reverse("wellness_comments:post", args=[article.pk]),
        comment_data(article, age, **fields),
        headers=headers,
        REMOTE_ADDR=ip,
    )


def rules(**changes):
    settings = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in changes.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def make_comment(article, status=ReaderComment.Status.APPROVED, parent=None, **fields):
    comment = ReaderComment(
        page=article,
        name=fields.pop("name", "Ada"),
        email=fields.pop("email", "ada@example.com"),
        body=fields.pop("body", "A comment."),
        status=status,
        **fields,
    )
    comment.reply_to(parent)
    comment.save()
    return comment


_earlier = itertools.count(1)


def known_commenter(article, email="rowan@example.com", ip="198.51.100.20"):
    """A reader's browser that posted a comment with ``email``, since approved by a moderator:
    the browser auto-approval may trust (blog.comments.posting.known_commenter)."""
    client = Client()
    body = f"An earlier comment, number {next(_earlier)}."
    assert post(client, article, email=email, body=body, ip=ip).status_code == 303
    ReaderComment.objects.filter(body=body).update(status=ReaderComment.Status.APPROVED)
    return client
