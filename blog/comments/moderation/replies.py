"""Therapists answering readers: a page's author, or a moderator, replies to a comment from
the moderation listing or from the page itself while signed in. The reply is published at
once, signed with the author's name, credentials and profile (the page type's
``comment_byline()``), never their e-mail address."""

from django.utils.translation import gettext_lazy as _

from ..exceptions import CannotReply
from ..invalidation import comments_changed
from ..models import ReaderComment
from . import notifications
from .moderate import moderate
from .permissions import may_moderate_comment, policy

Status = ReaderComment.Status


def may_answer(user, page):
    """Whether ``user`` may reply as an author on ``page``: a moderator, or one of the
    page's authors (``pages_authored_by()``)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if policy.is_moderator(user):
        return True
    return page.specific_class.pages_authored_by(user).filter(pk=page.pk).exists()


def answer(user, page, parent, body):
    """Publish ``user``'s reply to ``parent`` (or a comment of their own on ``page``, with no
    parent). A reply to a comment still awaiting moderation approves it first, if ``user``
    may moderate it: they have read it, and a reply under a hidden comment would be hidden.
    Raises CannotReply for a parent that is not published and that ``user`` may not approve.
    """
    if parent is not None and parent.status != Status.APPROVED:
        if not (parent.status == Status.PENDING and may_moderate_comment(user, parent)):
            raise CannotReply(_("Only a published comment can be answered."))
        moderate(ReaderComment.objects.filter(pk=parent.pk), "approve", user)
        parent.status = Status.APPROVED
    specific = page.specific
    name, credentials, profile = specific.comment_byline(user)
    reply = ReaderComment(
        page=page,
        name=name,
        email=user.email,
        body=body,
        status=Status.APPROVED,
        user=user,
        by_author=True,
        credentials=credentials,
        profile=profile,
    )
    reply.reply_to(parent)
    reply.save()
    comments_changed({page.pk})
    if parent is not None:
        notifications.reply_published(reply)
    return reply
