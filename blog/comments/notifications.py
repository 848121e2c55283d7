"""E-mail about comments, sent after the response so readers never wait for a mail server."""

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .admin.access import url_name
from .links import LIFETIMES, absolute, link
from .moderators import moderators
from .reader_links import reader_link
from .subscriptions import reply_notices

logger = logging.getLogger(__name__)

# One worker keeps mail in order and never competes with requests for more than a thread.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="comment-mail")


def _single_line(text, length=120):
    """Header-safe text: Django refuses newlines in headers; we never let them get that far."""
    return Truncator(" ".join(str(text).split())).chars(length)


def _send(subject, body, recipients, headers=None):
    try:
        EmailMessage(subject, body, None, recipients, headers=headers).send()
    except Exception:
        # The comment itself is saved and waits in the moderation queue either way.
        logger.exception("Could not send %r to %d recipient(s)", subject, len(recipients))


def after_commit(subject, template, context, recipients, headers=None):
    """Once the transaction commits, hand an e-mail to a background thread to send.

    The message is rendered here, so the thread never touches the database, and in the
    site's language (LANGUAGE_CODE), whoever's request it comes from; ``subject`` is a lazy
    translation and the values to put in it, which may hold a reader's words. ``headers``:
    extra headers (values we make, never a reader's words).
    """
    if not recipients:
        return

    def queue():
        text, values = subject
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(template, context)
            line = _single_line(str(text) % values)
        _executor.submit(_send, line, body, list(recipients), headers)

    transaction.on_commit(queue)


def notify_moderators(comment, reason, urgent=False):
    """E-mail each moderator about a comment held for moderation: their own message, whose
    approve and spam links are theirs alone (blog.comments.admin.email_moderation), with a
    link to the comment in the admin and to the queue. ``urgent`` (a safeguarding
    rule decides): "Urgent" leads the subject. Whether to send at all (the site's "notify
    moderators" switch) is the caller's decision."""
    queue = f"{reverse(url_name('list'))}?{urlencode({'status': comment.Status.PENDING})}"
    if urgent:
        subject = _("Urgent: a comment to moderate on “%(title)s”")
    else:
        subject = _("New comment to moderate on “%(title)s”")
    context = {
        "comment": comment,
        "reason": reason,
        "urgent": urgent,
        "queue_url": absolute(queue),
        "inspect_url": absolute(reverse(url_name("inspect"), args=(comment.pk,))),
        "link_days": LIFETIMES["moderate"].days,
    }
    for user_id, email in moderators():
        links = {
            f"{action}_url": link(
                url_name("from_email"),
                "moderate",
                comment=comment.pk,
                action=action,
                user=user_id,
                status=comment.status,
            )
            for action in ("approve", "spam")
        }
        after_commit(
            (subject, {"title": comment.page.title}),
            "wellness_comments/email/held.txt",
            {**context, **links},
            [email],
        )


def reply_published(reply):
    """A reply became public (approved by a moderator, or at once): tell the writer of the
    comment it answers, if they asked to be told and have not stopped it since."""
    replies_published([reply])


def replies_published(replies):
    """``reply_published`` for many replies (with ``page`` and ``parent`` loaded), in a few
    queries however many there are."""
    for notice in reply_notices(replies):
        reply, parent, commenter = notice.reply, notice.parent, notice.commenter
        unsubscribe_url = reader_link("wellness_comments:unsubscribe", "unsubscribe", commenter)
        mute_url = reader_link("wellness_comments:mute", "mute", commenter, t=notice.thread_id)
        after_commit(
            (
                _("%(name)s replied to your comment on “%(title)s”"),
                {"name": reply.name, "title": reply.page.title},
            ),
            "wellness_comments/email/reply.txt",
            {
                "reply": reply,
                "parent": parent,
                "unsubscribe_url": unsubscribe_url,
                "mute_url": mute_url,
                "my_data_url": absolute(reverse("wellness_comments:my_data")),
            },
            [parent.email],
            # RFC 2369 and RFC 8058: mail programs offer "Unsubscribe", and POST
            # "List-Unsubscribe=One-Click" to the link (blog.comments.views.links).
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def wait_for_outbox():
    """Block until queued e-mail has been handed to the backend (tests, shutdown)."""
    _executor.submit(lambda: None).result()
