"""What the clinical review task adds to a group approval: whoever approves an article is
recorded as its reviewer, with today as its review date.

Wagtail publishes the page's latest revision when its workflow is approved
(``wagtail.workflows.publish_workflow_state``), and later drafts start from the latest
revision too. So the review goes into a new revision, made just before the approval takes
effect: the one that is published, whether this task is the workflow's last or not.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from blog.models import ArticlePage

logger = logging.getLogger(__name__)

RECORDED = "wellness_review.recorded"
NOT_RECORDED = "wellness_review.not_recorded"
# The approve buttons say what approving does (the second of each pair asks for a comment).
RECORDING = {
    False: _("Approve and record my review"),
    True: _("Approve with comment and record my review"),
}
NOT_RECORDING = {
    False: _("Approve (no review recorded: you have no author profile)"),
    True: _("Approve with comment (no review recorded: you have no author profile)"),
}


def register_log_actions(actions):
    actions.register_action(RECORDED, _("Record review"), _("Review recorded"))
    actions.register_action(
        NOT_RECORDED,
        _("Approve without recording a review"),
        _("Approved without recording a review: the approver has no author profile"),
    )


def actions(page, user, offered):
    """The group approval's actions on ``page`` for ``user``, as this task offers them: no
    approving for the article's own authors, and buttons that say whether a review is
    recorded."""
    if not issubclass(page.specific_class, ArticlePage):
        return offered
    profile = getattr(user, "author_profile", None)
    if profile is not None and wrote(page.specific, profile):
        return [action for action in offered if action[0] != "approve"]
    labels = NOT_RECORDING if profile is None else RECORDING
    return [
        (name, labels[modal] if name == "approve" else label, modal)
        for name, label, modal in offered
    ]


def wrote(article, profile):
    return any(link.author_id == profile.pk for link in article.author_links.all())


def record_review(task_state, user):
    """Make ``user``'s author profile the reviewer of the article ``task_state`` is about,
    and today its review date, in a new revision. A user without a profile approves all the
    same: nothing is recorded, and the page's history says so."""
    page = task_state.workflow_state.content_object.specific
    if not isinstance(page, ArticlePage):
        return
    profile = getattr(user, "author_profile", None)
    if profile is None:
        log(instance=page, action=NOT_RECORDED, user=user, revision=task_state.revision)
        logger.warning("%s approved %r without an author profile: no review recorded", user, page)
        return
    article = page.get_latest_revision_as_object()
    if wrote(article, profile):
        raise PermissionDenied("An article's authors cannot review it.")
    article.reviewer, article.last_reviewed = profile, timezone.localdate()
    revision = article.save_revision(user=user, log_action=RECORDED)
    # The approval is of the article as published, review included.
    task_state.revision = revision
    task_state.save(update_fields=["revision"])
    workflow_state = task_state.workflow_state
    # Its page was loaded before the new revision: the workflow would publish the one before.
    workflow_state.refresh_from_db()
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        # Recording the review is no edit for the workflow's earlier tasks to approve again.
        workflow_state.copy_approved_task_states_to_revision(revision)
