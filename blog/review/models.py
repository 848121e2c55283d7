"""Clinical review: the workflow task whose approver becomes an article's reviewer, and the
reminders sent about reviews falling due."""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from . import workflow


class ClinicalReviewTask(GroupApprovalTask):
    """A group approval that records whoever approves an article as its reviewer, with
    today as its review date (blog.review.workflow). An article's authors may not approve
    it: a review is a second therapist's check."""

    class Meta:
        verbose_name = _("clinical review task")
        verbose_name_plural = _("clinical review tasks")

    def get_actions(self, obj, user):
        return workflow.actions(obj, user, super().get_actions(obj, user))

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            workflow.record_review(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve. Whoever approves an article is recorded as "
            "its reviewer, with the day; its authors cannot approve it."
        )


class ReviewReminder(models.Model):
    """A reminder sent to ``recipient`` about the review of ``article`` due on ``due``:
    what keeps the daily command from sending it again (blog.review.reminders)."""

    article = models.ForeignKey(
        "wellness_blog.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    due = models.DateField(_("review due"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "due", "recipient"], name="wellness_review_one_reminder"
            )
        ]

    def __str__(self):
        return f"{self.article_id} {self.due} {self.recipient_id}"
