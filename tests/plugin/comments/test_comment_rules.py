"""The site owner's rules as units: the verdict on a new comment (blog.comments.posting.verdict)
and the rate limits (blog.comments.limits), each case without a request. What a reader sees
of them (the held comment, the 429 page) is in test_comments_posting.py."""

import pytest
from django.core.cache import cache

from blog.comments import limits
from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.posting.verdict import judge

Status = ReaderComment.Status
TooFast = DiscussionSettings.TooFast


def comment(body="It helped my shoulder.", name="Rowan", email="rowan@example.com"):
    return ReaderComment(body=body, name=name, email=email)


def rules(**fields):
    """The site's rules, unsaved: the defaults, but for ``fields``."""
    return DiscussionSettings(**fields)


@pytest.mark.parametrize(
    ("text", "settings", "options", "status", "urgent"),
    [
        ("It helped my shoulder.", {}, {}, Status.PENDING, False),
        # Nothing is public unless the site owner says so, and then only for a known browser.
        (
            "It helped.",
            {"auto_approve_returning": True},
            {"known_commenter": True},
            Status.APPROVED,
            False,
        ),
        (
            "It helped.",
            {"auto_approve_returning": False},
            {"known_commenter": True},
            Status.PENDING,
            False,
        ),
        ("It helped.", {"auto_approve_returning": True}, {}, Status.PENDING, False),
        # Filled faster than a person can type: held, or dropped where the site says so.
        (
            "It helped.",
            {"auto_approve_returning": True},
            {"known_commenter": True, "filled_too_fast": True},
            Status.PENDING,
            False,
        ),
        ("It helped.", {"too_fast_action": TooFast.DROP}, {"filled_too_fast": True}, None, False),
        # Links over the limit hold a comment that would have been approved.
        (
            "See https://a.example and www.b.example",
            {"hold_links_over": 1, "auto_approve_returning": True},
            {"known_commenter": True},
            Status.PENDING,
            False,
        ),
        (
            "See https://a.example",
            {"hold_links_over": 1, "auto_approve_returning": True},
            {"known_commenter": True},
            Status.APPROVED,
            False,
        ),
        # The word lists.
        ("A casino near the clinic.", {"hold_words": "casino"}, {}, Status.PENDING, False),
        ("Cheap cialis here.", {"spam_words": "cialis"}, {}, Status.SPAM, False),
        ("My specialist helped.", {"spam_words": "cialis"}, {}, Status.PENDING, False),
        # Someone in crisis reaches a moderator whatever else the comment holds.
        (
            "I want to die, the pills did not help.",
            {"spam_words": "pills"},
            {},
            Status.PENDING,
            True,
        ),
        (
            "I want to die.",
            {},
            {"known_commenter": True, "filled_too_fast": True},
            Status.PENDING,
            True,
        ),
    ],
)
def test_the_verdict_on_a_new_comment(text, settings, options, status, urgent):
    verdict = judge(comment(text), rules(**settings), **options)
    assert (verdict.status, verdict.urgent) == (status, urgent)
    assert verdict.dropped is (status is None)
    assert str(verdict.reason)  # moderators are told why


@pytest.mark.parametrize("field", ["name", "email", "body"])
@pytest.mark.parametrize(
    ("words", "status"), [("spam_words", Status.SPAM), ("hold_words", Status.PENDING)]
)
def test_the_word_lists_read_the_name_address_and_text(field, words, status):
    value = {"name": "Holdme Seller", "email": "sales@held.example", "body": "HOLDME now"}[field]
    settings = {words: "holdme\nheld.example", "auto_approve_returning": True}
    verdict = judge(comment(**{field: value}), rules(**settings), known_commenter=True)
    assert verdict.status == status
    assert judge(comment(), rules(**settings), known_commenter=True).status == Status.APPROVED


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_a_limit_counts_each_identity_apart_in_its_window():
    limit = limits.RateLimit("test", 600, ip=2, email=3)
    for _ in range(2):
        assert not limit.exceeded(ip="hash-a", email="ada@example.com")
        limit.count(ip="hash-a", email="ada@example.com")
    assert limit.exceeded(ip="hash-a", email="someone@example.com")  # the address's limit
    assert limit.exceeded(ip="hash-b", email="Ada@Example.com ") is False  # 2 of 3
    limit.count(ip="hash-b", email="ada@example.com")
    assert limit.exceeded(ip="hash-c", email="ADA@example.com")  # the e-mail's, in any case
    assert limit.retry_after == 600


def test_a_limit_of_zero_counts_nothing_and_keys_name_no_address():
    limit = limits.RateLimit("test", 600, ip=0, email=1)
    limit.count(ip="hash-a", email="ada@example.com")
    assert not limit.exceeded(ip="hash-a", email="other@example.com")
    assert limit.exceeded(ip="hash-z", email="ada@example.com")
    keys = limit._keys({"email": "ada@example.com"}).values()
    assert keys and not any("ada" in key for key in keys)


def test_posting_data_requests_and_reports_are_counted_apart():
    posting = limits.posting(rules(rate_limit_per_ip=1, rate_limit_window_minutes=10))
    posting.count(ip="hash-a", email="")
    assert posting.exceeded(ip="hash-a", email="") and posting.retry_after == 600
    assert not limits.DATA_REQUESTS.exceeded(ip="hash-a", email="")
    for _ in range(10):
        limits.REPORTS.count(reporter="hash-a")
    assert limits.REPORTS.exceeded(reporter="hash-a") and not posting.exceeded(ip="hash-b")
