"""Auto-approval trusts a regular's own browser, never an e-mail address that anyone can type."""

import pytest
from django.core import signing
from django.test import Client

from blog.comments.models import ReaderComment
from blog.comments.posting.known_commenter import SALT
from blog.core.conf import wellness_settings

from ...comments import known_commenter, post, rules

Status = ReaderComment.Status
REGULAR = "rowan@example.com"


@pytest.fixture
def regular(article):
    rules(auto_approve_returning=True)
    return known_commenter(article, email=REGULAR)


def status_of(body):
    return ReaderComment.objects.get(body=body).status


def test_the_regulars_own_browser_is_approved_at_once(article, regular):
    post(regular, article, body="Back again.")
    assert status_of("Back again.") == Status.APPROVED


@pytest.mark.parametrize("email", [REGULAR, "ROWAN@Example.com", " rowan@example.COM"])
def test_a_stranger_with_the_regulars_email_waits_for_moderation(article, regular, email):
    stranger = Client()
    post(stranger, article, email=email, name="Not Rowan", body="Impostor.", ip="192.0.2.66")
    assert status_of("Impostor.") == Status.PENDING
    assert "Impostor." not in Client().get(article.url).content.decode()


def test_a_forged_or_borrowed_cookie_is_not_trusted(article, regular):
    name = wellness_settings.COMMENTER_COOKIE_NAME
    forged = [
        "garbage",
        # Signed with another key: what an attacker can make without the site's SECRET_KEY.
        signing.dumps({"email": "x", "comments": [1]}, key="guess", salt=SALT),
        # The attacker's own browser's note, vouching for the attacker's own address.
        known_commenter(article, email="mallory@example.com").cookies[name].value,
    ]
    for n, value in enumerate(forged):
        stranger = Client()
        stranger.cookies[name] = value
        post(stranger, article, email=REGULAR, body=f"Forged {n}.", ip="192.0.2.67")
        assert status_of(f"Forged {n}.") == Status.PENDING


def test_a_browser_is_trusted_only_once_its_comment_is_approved(article):
    rules(auto_approve_returning=True)
    reader = Client()
    post(reader, article, body="First, still pending.")
    post(reader, article, body="Second.")
    assert status_of("Second.") == Status.PENDING
    ReaderComment.objects.filter(body="First, still pending.").update(status=Status.REJECTED)
    post(reader, article, body="Third.")
    assert status_of("Third.") == Status.PENDING


def test_the_cookie_never_shows_the_address_and_scripts_cannot_read_it(article):
    reader = Client()
    post(reader, article, email=REGULAR)
    cookie = reader.cookies[wellness_settings.COMMENTER_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert "rowan" not in signing.b64_decode(cookie.value.split(":")[0].encode()).decode()


def test_spam_sets_no_cookie(article):
    rules(spam_words="casino")
    reader = Client()
    post(reader, article, body="casino")
    assert wellness_settings.COMMENTER_COOKIE_NAME not in reader.cookies
