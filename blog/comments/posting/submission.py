"""Taking in a reader's comment: the rate limits, the site owner's rules, storing it, and
telling whoever needs to know. The posting view validates the form, calls
``submit_comment()`` and answers."""

from dataclasses import dataclass

from django.db import transaction

from .. import limits
from ..exceptions import RateLimited
from ..identity import user_agent
from ..invalidation import comments_changed
from ..models import ReaderComment
from ..moderation import notifications
from ..readers.own_comments import remember
from . import known_commenter
from .verdict import judge

Status = ReaderComment.Status


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
    limit = limits.posting(rules)
    if limit.exceeded(ip=form.ip_hash, email=form.cleaned_data["email"]):
        raise RateLimited(limit.retry_after)
    comment = form.save(commit=False)
    verdict = judge(
        comment,
        rules,
        filled_too_fast=form.filled_too_fast,
        known_commenter=rules.auto_approve_returning
        and known_commenter.vouches_for(
            request, comment.email, confirmed=rules.require_confirmation
        ),
    )
    if form.is_bot or verdict.dropped:
        return Submission(None, verdict.reason)
    comment.status = verdict.status
    comment.urgent = verdict.urgent
    if needs_confirmation(request, rules, comment):
        comment.status = Status.UNCONFIRMED
    comment.ip_hash = form.ip_hash
    comment.user_agent = user_agent(request)
    comment.user = request.user if request.user.is_authenticated else None
    # The comment and the e-mail about it are queued together (blog.core.background): no
    # crash between the two can keep a comment and lose its notice. (No savepoint: nothing
    # here is retried within an outer transaction.)
    with transaction.atomic(savepoint=False):
        comment.save()
        tell(comment, verdict, rules)
    limit.count(ip=form.ip_hash, email=comment.email)
    if comment.status != Status.SPAM:
        remember(request, comment)  # theirs to see while it waits, and to change for a while
    return Submission(comment, verdict.reason)


def tell(comment, verdict, rules):
    """Whoever needs to know of the new ``comment``: its page's readers (a published
    comment), the writer of the comment it answers, the writer (to confirm), moderators
    (``notifications.should_notify()`` decides)."""
    if comment.status == Status.APPROVED:
        comments_changed({comment.page_id})
        if comment.parent_id:
            notifications.reply_published(comment)
    elif comment.status == Status.UNCONFIRMED:
        notifications.ask_to_confirm(comment)
    else:
        notifications.notify_moderators(comment, verdict.reason, urgent=comment.urgent, rules=rules)


def needs_confirmation(request, rules, comment):
    """Where the site confirms commenters, whether this comment waits for its writer to
    confirm it: unless they confirmed in this very browser (not only ever: that would tell a
    stranger the address had commented), and never an urgent one, which moderators must
    see at once."""
    return (
        rules.require_confirmation
        and not comment.urgent
        and comment.status in (Status.PENDING, Status.APPROVED)
        and not known_commenter.confirmed_here(request, comment.email)
    )
