"""E-mail about comments, as notices of the outbox (blog.core.outbox): queued with the change
they tell of, written and sent by a task, each once to each recipient, tried again when the
mail server fails.

- ``CommentToModerate`` (and ``UrgentCommentToModerate``): to every moderator, each with
  approve and spam links of their own;
- ``ReplyPublished``: to the writer of the comment a reply answers;
- ``ConfirmComment``: to a new commenter, the link that confirms their comment;
- ``DataLinks``: to a reader who asked, the links to download or erase their data.

They are written in the site's language (LANGUAGE_CODE), whoever's request they come from.
"""

import uuid
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from blog.core.language import in_site_language
from blog.core.outbox.notices import Notice, Recipient, register
from blog.core.outbox.tasks import send_notice
from blog.core.sites import absolute_url

from .admin.access import url_name
from .models import Commenter, ReaderComment
from .moderators import moderators
from .signed_links import LIFETIMES, link, reader_link
from .subscriptions import reply_notices


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


def notify_moderators(comment, reason, urgent=False, occasion="posted"):
    """E-mail each moderator about ``comment``, held for moderation because of ``reason``;
    ``urgent`` (a safeguarding rule decides) puts "Urgent" first and sends it before all
    else. ``occasion`` tells this notice from an earlier one about the same comment ("edited
    at ..."). Whether to send at all (the site's "notify moderators" switch) is the caller's
    decision."""
    if not moderators():  # remembered: no query
        return
    reason = in_site_language(reason)
    notice = (UrgentCommentToModerate if urgent else CommentToModerate)(
        comment=comment.pk, reason=reason
    )
    send_notice(notice, event=f"{comment.pk}:{occasion}")


def now_occasion(what):
    """An occasion that happens again and again ("edited"), told apart by its time."""
    return f"{what}:{timezone.now().timestamp():.6f}"


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
            # "List-Unsubscribe=One-Click" to the link (blog.comments.views.links).
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


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
    """A reader asked for their data (blog.comments.my_data)."""

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
