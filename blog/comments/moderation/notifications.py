"""E-mail about comments, as notices of the outbox (blog.core.outbox): queued with the change
they tell of, written and sent by a task, each once to each recipient, tried again when the
mail server fails.

- ``CommentToModerate`` (and ``UrgentCommentToModerate``): to every moderator, each with
  approve and spam links of their own, when ``should_notify()`` says so;
- ``ReplyPublished``: to the writer of the comment a reply answers, when ``reply_notices()``
  says so;
- ``ConfirmComment``: to a new commenter, the link that confirms their comment;
- ``DataLinks``: to a reader who asked, the links to download or erase their data.

They are written in the site's language (LANGUAGE_CODE), whoever's request they come from.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from blog.core.language import in_site_language
from blog.core.outbox.notices import Notice, Recipient, register
from blog.core.outbox.tasks import send_notice
from blog.core.sites import absolute_url

from ..models import Commenter, DiscussionSettings, MutedThread, ReaderComment
from ..signed_links import LIFETIMES, link, reader_link
from .moderators import moderators
from .permissions import url_name

Status = ReaderComment.Status


class CommentNotice(Notice):
    """A notice about the comment ``params["comment"]``: told to no one once it is gone."""

    @cached_property
    def comment(self):
        comments = ReaderComment.objects.select_related("page", "parent")
        return comments.filter(pk=self.params["comment"]).first()


@register
class CommentToModerate(CommentNotice):
    kind = "comment-held"
    description = _("A comment to moderate")
    subject = _("New comment to moderate on “%(title)s”")

    def recipients(self):
        if self.comment is None:
            return []
        return [Recipient(email, user=user_id) for user_id, email in moderators()]

    def message(self, recipient):
        comment = self.comment
        if comment is None:
            return None
        queue = f"{reverse(url_name('list'))}?{urlencode({'status': comment.Status.PENDING})}"
        links = {
            f"{action}_url": link(
                url_name("from_email"),
                "moderate",
                comment=comment.pk,
                action=action,
                user=recipient.user,
                status=comment.status,
            )
            for action in ("approve", "spam")
        }
        context = {
            "comment": comment,
            "reason": self.params["reason"],
            "urgent": self.urgent,
            "queue_url": absolute_url(queue),
            "inspect_url": absolute_url(reverse(url_name("inspect"), args=(comment.pk,))),
            "link_days": LIFETIMES["moderate"].days,
            **links,
        }
        return self.email(
            self.subject % {"title": comment.page.title},
            "wellness_comments/email/held.txt",
            context,
            recipient,
        )


@register
class UrgentCommentToModerate(CommentToModerate):
    """A comment a safeguarding rule marked: someone may be in danger."""

    kind = "comment-urgent"
    description = _("An urgent comment to moderate")
    subject = _("Urgent: a comment to moderate on “%(title)s”")
    urgent = True


# What happens to a comment that moderators may be told of. A comment is posted and
# confirmed once; it may be edited, or hidden after reports, again and again.
POSTED, CONFIRMED, EDITED, HIDDEN = "posted", "confirmed", "edited", "hidden"
REPEATED = {EDITED, HIDDEN}


def should_notify(comment, rules, urgent=False, occasion=POSTED):
    """Whether moderators are e-mailed about ``comment`` on ``occasion``, by the site's
    ``rules``. The one place that decides it, for every path:

    - urgent (a safeguarding rule matched): always, whatever the site's switch says, since
      someone may be in danger;
    - hidden after readers' reports: always, since readers saw it and it now waits for a
      moderator;
    - otherwise, when it gives moderators something to decide (a comment awaiting them; a
      writer's edit of an approved one), as the site's "notify moderators" switch says.
    """
    if urgent or occasion == HIDDEN:
        return True
    if occasion == EDITED:  # a pending comment's edit is just the text they will read
        awaits = comment.status == Status.APPROVED
    else:
        awaits = comment.status == Status.PENDING
    return awaits and rules.notify_moderators


def notify_moderators(comment, reason, urgent=False, occasion=POSTED, rules=None):
    """E-mail each moderator about ``comment`` because of ``reason``, if ``should_notify()``
    says so by ``rules`` (the Discussion settings of the comment's site, looked up when not
    given). ``urgent`` (a safeguarding rule decides) puts "Urgent" first and sends it before
    all else. ``occasion`` tells this notice from an earlier one about the same comment: an
    edit, or hiding, at its time."""
    if rules is None:
        rules = DiscussionSettings.for_page(comment.page)
    if not should_notify(comment, rules, urgent, occasion) or not moderators():  # no query
        return
    reason = in_site_language(reason)
    notice = (UrgentCommentToModerate if urgent else CommentToModerate)(
        comment=comment.pk, reason=reason
    )
    if occasion in REPEATED:
        occasion = f"{occasion}:{timezone.now().timestamp():.6f}"
    send_notice(notice, event=f"{comment.pk}:{occasion}")


@register
class ReplyPublished(CommentNotice):
    """The comment is a reply; its parent's writer asked to be told of replies."""

    kind = "comment-reply"
    description = _("A reply to a reader's comment")

    def recipients(self):
        reply = self.comment
        if reply is None or reply.parent is None or not reply.parent.email:
            return []
        return [Recipient(reply.parent.email)]

    def message(self, recipient):
        reply = self.comment
        parent = reply.parent if reply else None
        commenter = parent and Commenter.objects.filter(email=parent.email.strip().lower()).first()
        if commenter is None:
            return None
        unsubscribe_url = reader_link("wellness_comments:unsubscribe", "unsubscribe", commenter)
        thread_id = parent.thread_id or parent.pk
        mute_url = reader_link("wellness_comments:mute", "mute", commenter, t=thread_id)
        return self.email(
            _("%(name)s replied to your comment on “%(title)s”")
            % {"name": reply.name, "title": reply.page.title},
            "wellness_comments/email/reply.txt",
            {
                "reply": reply,
                "parent": parent,
                "unsubscribe_url": unsubscribe_url,
                "mute_url": mute_url,
                "my_data_url": absolute_url(reverse("wellness_comments:my_data")),
            },
            recipient,
            # RFC 2369 and RFC 8058: mail programs offer "Unsubscribe", and POST
            # "List-Unsubscribe=One-Click" to the link (blog.comments.readers.views).
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


@dataclass
class ReplyNotice:
    """A reply to tell the writer of ``parent`` about, and their Commenter row (for the
    links in the e-mail)."""

    reply: ReaderComment
    parent: ReaderComment
    commenter: Commenter

    @property
    def thread_id(self):
        return self.parent.thread_id or self.parent.pk


def reply_notices(replies):
    """The notices to send for ``replies``, approved just now (with ``page`` and ``parent``
    loaded): to the writer of the comment each answers, if they asked for them (the form's
    opt-in), their comment is still public, the site still sends them, they did not
    unsubscribe or mute the conversation, and the reply is not their own. A few queries
    however many replies."""
    candidates = [
        reply
        for reply in replies
        if reply.parent_id
        and reply.parent.notify_replies
        and reply.parent.status == Status.APPROVED
        and not reply.parent.removed
        and reply.parent.email
        and reply.parent.email.strip().lower() != reply.email.strip().lower()
    ]
    if not candidates:
        return []
    notifying_roots = DiscussionSettings.root_paths_where(notify_on_reply=True)
    candidates = [
        reply
        for reply in candidates
        if any(reply.page.path.startswith(root) for root in notifying_roots)
    ]
    if not candidates:
        return []
    commenters = _commenters({reply.parent.email for reply in candidates})
    muted = set(
        MutedThread.objects.filter(
            commenter__in=[c.pk for c in commenters.values()],
            thread__in={reply.parent.thread_id or reply.parent.pk for reply in candidates},
        ).values_list("commenter", "thread")
    )
    notices = []
    for reply in candidates:
        commenter = commenters[reply.parent.email.strip().lower()]
        notice = ReplyNotice(reply, reply.parent, commenter)
        if commenter.unsubscribed_at is None and (commenter.pk, notice.thread_id) not in muted:
            notices.append(notice)
    return notices


def _commenters(emails):
    """{address: Commenter} for ``emails``, making the rows that are missing: their pk is
    what the unsubscribe and mute links carry. Three queries however many addresses."""
    emails = {email.strip().lower() for email in emails}
    found = {c.email: c for c in Commenter.objects.filter(email__in=emails)}
    missing = emails - found.keys()
    if missing:
        Commenter.objects.bulk_create(
            [Commenter(email=email) for email in missing], ignore_conflicts=True
        )
        found.update((c.email, c) for c in Commenter.objects.filter(email__in=missing))
    return found


def reply_published(reply):
    """A reply became public (approved by a moderator, or at once): tell the writer of the
    comment it answers, if they asked to be told and have not stopped it since."""
    replies_published([reply])


def replies_published(replies):
    """``reply_published`` for many replies (with ``page`` and ``parent`` loaded), in a few
    queries however many there are."""
    for notice in reply_notices(replies):
        send_notice(ReplyPublished(comment=notice.reply.pk), event=notice.reply.pk)


@register
class ConfirmComment(CommentNotice):
    """The comment waits until its writer confirms their address."""

    kind = "comment-confirm"
    description = _("A link to confirm a comment")

    def recipients(self):
        comment = self.comment
        if comment is None or comment.status != ReaderComment.Status.UNCONFIRMED:
            return []
        return [Recipient(comment.email)]

    def message(self, recipient):
        comment = self.comment
        if comment is None:
            return None
        return self.email(
            _("Please confirm your comment on “%(title)s”") % {"title": comment.page.title},
            "wellness_comments/email/confirm.txt",
            {
                "comment": comment,
                "confirm_url": link("wellness_comments:confirm", "confirm", comment=comment.pk),
                "edit_url": link("wellness_comments:edit_by_link", "edit", comment=comment.pk),
            },
            recipient,
        )


def ask_to_confirm(comment):
    """E-mail the writer of an unconfirmed ``comment`` the link that confirms it, and the
    link to change or remove it."""
    send_notice(ConfirmComment(comment=comment.pk), event=comment.pk)


@register
class DataLinks(Notice):
    """A reader asked for their data (blog.comments.readers.data_requests)."""

    kind = "my-data"
    description = _("Links to a reader's data")

    @cached_property
    def commenter(self):
        return Commenter.objects.filter(pk=self.params["commenter"]).first()

    def recipients(self):
        return [Recipient(self.commenter.email)] if self.commenter else []

    def message(self, recipient):
        commenter, site_name = self.commenter, self.params["site"]
        if commenter is None:
            return None
        return self.email(
            _("Your comments on %(site)s: download or erase them") % {"site": site_name},
            "wellness_comments/email/my_data.txt",
            {
                "site_name": site_name,
                "export_url": reader_link("wellness_comments:export", "export", commenter),
                "erase_url": reader_link("wellness_comments:erase", "erase", commenter),
                "hours": int(LIFETIMES["export"].total_seconds() // 3600),
            },
            recipient,
        )


def send_data_links(commenter, site_name):
    """E-mail ``commenter`` the links to their data; each request is a notice of its own."""
    send_notice(DataLinks(commenter=commenter.pk, site=site_name), event=uuid.uuid4().hex)
