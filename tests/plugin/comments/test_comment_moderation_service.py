"""blog.comments.moderation.moderate: what each action does to comments, the audit log and
e-mail."""

from django.core import mail
from wagtail.models import ModelLogEntry

from blog.comments.models import ReaderComment
from blog.comments.moderation.moderate import moderate

from ...comments import make_comment, rules

Status = ReaderComment.Status


def log_actions():
    return sorted(ModelLogEntry.objects.values_list("object_id", "action"))


def test_deleting_a_comment_logs_the_replies_that_go_with_it(article, admin_user):
    top = make_comment(article)
    reply = make_comment(article, parent=top)
    reply_to_reply = make_comment(article, parent=reply)
    other = make_comment(article)
    moderate(ReaderComment.objects.filter(pk=top.pk), "delete", admin_user)
    assert list(ReaderComment.objects.values_list("pk", flat=True)) == [other.pk]
    assert log_actions() == sorted(
        (str(c.pk), "wellness_comments.delete") for c in (top, reply, reply_to_reply)
    )


def test_deleting_a_reply_logs_only_it_and_its_own_replies(article, admin_user):
    top = make_comment(article)
    first, second = make_comment(article, parent=top), make_comment(article, parent=top)
    moderate(ReaderComment.objects.filter(pk=first.pk), "delete", admin_user)
    assert set(ReaderComment.objects.values_list("pk", flat=True)) == {top.pk, second.pk}
    assert log_actions() == [(str(first.pk), "wellness_comments.delete")]


def test_approving_records_who_and_when_and_skips_unchanged(article, admin_user):
    pending = make_comment(article, status=Status.PENDING)
    approved = make_comment(article)
    changed = moderate(ReaderComment.objects.all(), "approve", admin_user)
    assert changed == 1
    pending.refresh_from_db()
    assert (pending.status, pending.moderated_by) == (Status.APPROVED, admin_user)
    assert pending.moderated_at is not None
    assert log_actions() == [(str(pending.pk), "wellness_comments.approve")]
    assert approved.pk not in [int(pk) for pk, _ in log_actions()]


def test_approved_replies_notify_the_parent_commenter_when_the_site_wants_it(
    article, admin_user, django_capture_on_commit_callbacks
):
    top = make_comment(article, email="first@example.com", name="First", notify_replies=True)
    reply = make_comment(article, parent=top, status=Status.PENDING, name="Second")
    with django_capture_on_commit_callbacks(execute=True):
        moderate(ReaderComment.objects.filter(pk=reply.pk), "approve", admin_user)
    assert mail.outbox == []  # off by default

    rules(notify_on_reply=True)
    moderate(ReaderComment.objects.filter(pk=reply.pk), "reject", admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(ReaderComment.objects.filter(pk=reply.pk), "approve", admin_user)
    assert [m.to for m in mail.outbox] == [["first@example.com"]]
    assert "Second replied to your comment" in mail.outbox[0].subject
    assert reply.email not in mail.outbox[0].body  # the replier's address stays private
