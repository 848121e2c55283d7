"""Taking in a reader's comment, beside ``moderation.moderate()``: the rate limits, the site
owner's rules, storing it, and telling whoever needs to know. The posting view validates the
form, calls ``submit_comment()`` and answers."""

from dataclasses import dataclass

from . import commenter, notifications
from .identity import user_agent
from .models import ReaderComment
from .pages import comments_changed
from .rules import RateLimit, judge
from .session import remember

Status = ReaderComment.Status


class RateLimited(Exception):
    """The reader posted too many comments lately; they may try again after ``retry_after``
    seconds."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass
class Submission:
    #: What was stored, or None when the comment was quietly dropped (a program sent it).
    comment: ReaderComment | None
    #: Why it has its status ("awaits moderation", "contains a spam word", ...).
    reason: str


def submit_comment(request, form):
    """Store the comment a valid ``ReaderCommentForm`` holds, with the status the site owner's
    rules give it. Raises ``RateLimited`` when the reader's address or e-mail posted too many
    comments lately; nothing is stored then."""
    rules = form.rules
    limit = RateLimit(rules)
    if limit.exceeded(form.ip_hash, form.cleaned_data["email"]):
        raise RateLimited(limit.retry_after)
    comment = form.save(commit=False)
    verdict = judge(
        comment,
        rules,
        filled_too_fast=form.filled_too_fast,
        known_commenter=rules.auto_approve_returning
        and commenter.vouches_for(request, comment.email),
    )
    if form.is_bot or verdict.dropped:
        return Submission(None, verdict.reason)
    comment.status = verdict.status
    comment.ip_hash = form.ip_hash
    comment.user_agent = user_agent(request)
    comment.user = request.user if request.user.is_authenticated else None
    comment.save()
    limit.count(form.ip_hash, comment.email)
    if comment.status == Status.APPROVED:
        comments_changed({comment.page_id})
    elif comment.status == Status.PENDING:
        remember(request, comment)  # so they see it, marked as awaiting moderation
        if rules.notify_moderators:
            notifications.notify_moderators(comment, verdict.reason)
    return Submission(comment, verdict.reason)
