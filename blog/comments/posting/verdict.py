"""The verdict on a new comment: the site owner's rules (its DiscussionSettings, which code
calls ``rules``) applied to a comment that passed the form's validation."""

import re

from django.utils.translation import gettext_lazy as _

from ..models import ReaderComment

Status = ReaderComment.Status
LINK_RE = re.compile(r"https?://|www\.", re.IGNORECASE)


class Verdict:
    """What to do with a submission: store it with a status, or quietly drop it; and
    whether it is urgent. The reason is lazy: the held-comment e-mail says it in the site's
    language, not the poster's."""

    def __init__(self, status=None, reason="", urgent=False):
        self.status = status
        self.reason = reason
        self.urgent = urgent

    @property
    def dropped(self):
        return self.status is None


def judge(comment, rules, *, filled_too_fast=False, known_commenter=False):
    """Decide a new comment's status. Nothing is public unless a rule says so.

    ``known_commenter``: the browser that sent it posted an approved comment with the same
    address before (blog.comments.posting.known_commenter), which is what auto-approval trusts.

    A comment that speaks of self-harm or suicide (the site's safeguarding phrases) is held
    and urgent whatever else it holds, spam words included: a person in crisis who
    mentions pills must reach a moderator, and a program that mimics them costs a moderator
    a glance.
    """
    fields = {"name": comment.name, "email": comment.email, "body": comment.body}
    if filled_too_fast and rules.too_fast_action == rules.TooFast.DROP:
        # Translators: why a comment was held or filed away; moderators read it in an e-mail,
        # after "Why it was held:".
        return Verdict(None, _("sent faster than a person can type"))
    if rules.safeguarding_list.matches(**fields):
        return Verdict(Status.PENDING, _("speaks of self-harm or suicide"), urgent=True)
    if rules.spam_word_list.matches(**fields):
        return Verdict(Status.SPAM, _("contains a spam word"))
    if filled_too_fast:
        return Verdict(Status.PENDING, _("sent faster than a person can type"))
    if len(LINK_RE.findall(comment.body)) > rules.hold_links_over:
        return Verdict(Status.PENDING, _("has too many links"))
    if rules.hold_word_list.matches(**fields):
        return Verdict(Status.PENDING, _("contains a word to hold"))
    if rules.auto_approve_returning and known_commenter:
        return Verdict(Status.APPROVED, _("returning commenter"))
    return Verdict(Status.PENDING, _("awaits moderation"))
