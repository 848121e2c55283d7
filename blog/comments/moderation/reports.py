"""Readers reporting a public comment: spam, abuse, medical misinformation, someone's
personal information. Each reader counts once; when enough distinct readers have reported a
comment (the site's threshold), it is hidden until a moderator decides, and their decision
resolves the reports."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..exceptions import TooManyReports
from ..invalidation import comments_changed
from ..limits import REPORTS
from ..models import CommentReport, ReaderComment
from . import notifications

Status = ReaderComment.Status


def report(comment, reason, reporter, rules):
    """Record ``reporter``'s report of ``comment`` (a reader reporting twice counts once)
    and hide the comment if enough readers reported it. Returns whether it was new; raises
    TooManyReports when ``reporter`` reported many comments lately."""
    if REPORTS.exceeded(reporter=reporter):
        raise TooManyReports(REPORTS.retry_after)
    REPORTS.count(reporter=reporter)
    _report, created = CommentReport.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason}
    )
    if created and should_hide(comment, rules):
        with transaction.atomic():  # hidden, and the moderators' notice, together
            ReaderComment.objects.filter(pk=comment.pk, status=Status.APPROVED).update(
                status=Status.PENDING
            )
            comments_changed({comment.page_id})
            notifications.notify_moderators(
                comment,
                _("hidden after reports from readers"),
                occasion=notifications.HIDDEN,
                rules=rules,
            )
    return created


def should_hide(comment, rules):
    threshold = rules.hide_after_reports
    if not threshold or comment.status != Status.APPROVED:
        return False
    return comment.reports.filter(resolved_at=None).count() >= threshold


def resolve(comment_ids):
    """A moderator decided on these comments: their reports are dealt with."""
    unresolved = CommentReport.objects.filter(comment__in=comment_ids, resolved_at=None)
    unresolved.update(resolved_at=timezone.now())


def summaries(comment_ids):
    """{comment id: [(reason label, count), ...]} of unresolved reports, in one query."""
    rows = (
        CommentReport.objects.filter(comment__in=comment_ids, resolved_at=None)
        .values_list("comment", "reason")
        .annotate(count=Count("pk"))
        .order_by("comment", "-count", "reason")
    )
    labels = dict(CommentReport.Reason.choices)
    found = {}
    for comment_id, reason, count in rows:
        found.setdefault(comment_id, []).append((labels[reason], count))
    return found
