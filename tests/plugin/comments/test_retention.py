"""Retention: ``manage.py purge_comment_data`` drops network address hashes after each site's
N days (90 by default) and purges rejected, spam and unconfirmed comments after M days (30 by
default), keeps threads whole, says what it removed, and is safe to run again and again."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Site

from blog.comments.models import CommentReport, DiscussionSettings, ReaderComment
from blog.comments.moderation.moderate import moderate
from blog.comments.readers.retention import PURGE_LOG_ACTION
from blog.core.outbox.models import MailDelivery, address_digest

from ...comments import make_comment, rules

Status = ReaderComment.Status
HASH = "a" * 64


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def aged(comment, days, moderated_days=None):
    ReaderComment.objects.filter(pk=comment.pk).update(
        created_at=days_ago(days),
        moderated_at=days_ago(moderated_days) if moderated_days is not None else None,
    )
    return comment


def purge(*args):
    out = StringIO()
    call_command("purge_comment_data", *args, stdout=out)
    return out.getvalue().splitlines()


def exists(comment):
    return ReaderComment.objects.filter(pk=comment.pk).exists()


@pytest.fixture
def comments(article):
    def make(status, days, moderated_days=None, **fields):
        comment = make_comment(article, status=status, ip_hash=HASH, user_agent="UA", **fields)
        return aged(comment, days, moderated_days)

    return {
        "old approved": make(Status.APPROVED, 91),
        "new approved": make(Status.APPROVED, 89),
        "old pending": make(Status.PENDING, 200),
        "old rejected": make(Status.REJECTED, 45, moderated_days=31),
        "lately rejected": make(Status.REJECTED, 45, moderated_days=29),
        "old spam": make(Status.SPAM, 31),
        "old unconfirmed": make(Status.UNCONFIRMED, 31),
        "new unconfirmed": make(Status.UNCONFIRMED, 29),
    }


def test_defaults_drop_hashes_after_90_days_and_discarded_comments_after_30(comments):
    report = purge()
    assert report == [
        "2 network address hashes dropped.",
        "3 rejected, spam or unconfirmed comments purged.",
    ]
    hashes = dict(ReaderComment.objects.values_list("pk", "ip_hash"))
    agents = dict(ReaderComment.objects.values_list("pk", "user_agent"))
    assert hashes[comments["old approved"].pk] == "" and agents[comments["old approved"].pk] == ""
    assert hashes[comments["old pending"].pk] == ""
    assert hashes[comments["new approved"].pk] == HASH
    for gone in ("old rejected", "old spam", "old unconfirmed"):
        assert not exists(comments[gone])
    for kept in ("lately rejected", "new unconfirmed", "old pending"):
        assert exists(comments[kept])
    # Purges are in the audit log, without the writer's name or words.
    entries = ModelLogEntry.objects.filter(action=PURGE_LOG_ACTION)
    assert entries.count() == 3 and not entries.filter(label__contains="Ada").exists()


def test_it_is_idempotent_and_has_a_dry_run(comments):
    assert purge("--dry-run") == [
        "Would drop 2 network address hashes.",
        "Would purge 3 rejected, spam or unconfirmed comments.",
    ]
    assert ReaderComment.objects.count() == 8
    assert ReaderComment.objects.filter(ip_hash=HASH).count() == 8
    assert not ModelLogEntry.objects.exists()
    purge()
    assert purge() == ["Nothing to remove."]
    assert purge("--dry-run") == ["Nothing to remove."]


def test_each_site_keeps_data_as_long_as_it_says(comments, article):
    rules(address_retention_days=10, discarded_retention_days=60)
    purge()
    assert ReaderComment.objects.exclude(ip_hash="").count() == 0  # all older than 10 days
    assert exists(comments["old spam"]) and exists(comments["old unconfirmed"])

    # A second site with its own settings; its pages follow them, not the first site's.
    root = Page.get_first_root_node()
    other_root = root.add_child(instance=Page(title="Second site", slug="second"))
    second = Site.objects.create(hostname="second.example", root_page=other_root)
    DiscussionSettings.objects.create(site=second, discarded_retention_days=5)
    there = aged(make_comment(other_root, status=Status.SPAM), 6)
    here = aged(make_comment(article, status=Status.SPAM), 6)
    purge()
    assert not exists(there) and exists(here)


def test_discarded_comments_with_replies_keep_the_thread(article, admin_user):
    top = make_comment(article, name="Rejected Writer", email="rw@example.com", ip_hash=HASH)
    reply = make_comment(article, parent=top, body="A reply that stays.")
    moderate(ReaderComment.objects.filter(pk=top.pk), "reject", admin_user)
    aged(top, 40, moderated_days=40)
    report = CommentReport.objects.create(comment=top, reason="spam", reporter="b" * 64)
    assert purge() == ["1 such comment emptied, kept for the replies to it."]
    top.refresh_from_db()
    assert top.removed and (top.body, top.name, top.email, top.ip_hash) == ("", "Anonymous", "", "")
    assert ReaderComment.objects.get(pk=reply.pk).parent_id == top.pk
    assert CommentReport.objects.filter(pk=report.pk).exists()
    assert not ModelLogEntry.objects.filter(label__contains="Rejected Writer").exists()
    assert purge() == ["Nothing to remove."]

    # Once the reply is gone too (rejected and purged in turn), so is the emptied comment,
    # and the reports on it with it.
    moderate(ReaderComment.objects.filter(pk=reply.pk), "reject", admin_user)
    aged(reply, 40, moderated_days=40)
    assert purge() == ["2 rejected, spam or unconfirmed comments purged."]
    assert not ReaderComment.objects.exists() and not CommentReport.objects.exists()


def test_a_purge_costs_a_few_queries_for_ten_or_a_thousand_comments(article):
    """Data past its retention period goes in batches of 500: a few queries a batch (the
    deletion collector's among them), never one per comment."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from blog.comments.readers.retention import BATCH, purge

    def purge_after(n):
        long_ago = timezone.now() - datetime.timedelta(days=400)
        for k in range(n):
            make_comment(
                article, status=ReaderComment.Status.SPAM, body=f"Spam {k}", created_at=long_ago
            )
        with CaptureQueriesContext(connection) as captured:
            purge()
        assert not ReaderComment.objects.filter(status=ReaderComment.Status.SPAM).exists()
        return len(captured)

    few, many = purge_after(10), purge_after(1000)
    assert few <= many <= few + 15 * (1000 // BATCH)


def test_the_record_of_mail_goes_once_it_is_of_no_more_use(db):
    def delivery(status, days, address="ada@example.com"):
        when = days_ago(days)
        return MailDelivery.objects.create(
            kind="comment-reply",
            event=f"{status}-{days}",
            address=address,
            address_digest=address_digest(address),
            status=status,
            created_at=when,
            sent_at=when if status == MailDelivery.Status.SENT else None,
            retry_until=when,
        )

    Sent, Failed = MailDelivery.Status.SENT, MailDelivery.Status.FAILED
    delivery(Sent, 31), delivery(Failed, 91)  # due to go
    kept = {delivery(Sent, 29), delivery(Failed, 89)}
    assert purge("--dry-run") == ["Would delete 2 records of e-mail."]
    assert purge() == ["2 records of e-mail deleted."]
    assert set(MailDelivery.objects.all()) == kept
