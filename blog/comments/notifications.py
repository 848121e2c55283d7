"""E-mail about comments, sent after the response so readers never wait for a mail server."""

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .admin.access import url_name
from .links import absolute

logger = logging.getLogger(__name__)

# One worker keeps mail in order and never competes with requests for more than a thread.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="comment-mail")


def _single_line(text, length=120):
    """Header-safe text: Django refuses newlines in headers; we never let them get that far."""
    return Truncator(" ".join(str(text).split())).chars(length)


def _send(subject, body, recipients):
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        # The comment itself is saved and waits in the moderation queue either way.
        logger.exception("Could not send %r to %d recipient(s)", subject, len(recipients))


def after_commit(subject, template, context, recipients):
    """Once the transaction commits, hand an e-mail to a background thread to send.

    The message is rendered here, so the thread never touches the database, and in the
    site's language (LANGUAGE_CODE), whoever's request it comes from; ``subject`` is a lazy
    translation and the values to put in it, which may hold a reader's words.
    """
    if not recipients:
        return

    def queue():
        text, values = subject
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(template, context)
            line = _single_line(str(text) % values)
        _executor.submit(_send, line, body, list(recipients))

    transaction.on_commit(queue)


def moderator_emails():
    """Active users who may moderate this comment and have an address."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    permission = Q(groups__permissions__codename="moderate_readercomment") | Q(
        user_permissions__codename="moderate_readercomment"
    )
    return sorted(
        set(users.filter(permission | Q(is_superuser=True)).values_list("email", flat=True))
    )


def notify_moderators(comment, reason, urgent=False):
    queue = f"{reverse(url_name('list'))}?{urlencode({'status': comment.Status.PENDING})}"
    if urgent:
        subject = _("Urgent: a comment on “%(title)s” speaks of self-harm or suicide")
    else:
        subject = _("New comment to moderate on “%(title)s”")
    after_commit(
        (subject, {"title": comment.page.title}),
        "wellness_comments/email/held.txt",
        {"comment": comment, "reason": reason, "queue_url": absolute(queue)},
        moderator_emails(),
    )


def notify_reply(reply):
    parent = reply.parent
    if parent is None or parent.email.lower() == reply.email.lower():
        return
    after_commit(
        (
            _("%(name)s replied to your comment on “%(title)s”"),
            {"name": reply.name, "title": reply.page.title},
        ),
        "wellness_comments/email/reply.txt",
        {"reply": reply, "parent": parent},
        [parent.email],
    )


def wait_for_outbox():
    """Block until queued e-mail has been handed to the backend (tests, shutdown)."""
    _executor.submit(lambda: None).result()
