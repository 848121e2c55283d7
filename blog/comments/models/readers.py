"""What the plugin keeps about readers besides their comments: which addresses are
confirmed, what they asked not to be sent, and what they reported."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Commenter(models.Model):
    """An e-mail address that commented: whether its owner confirmed it, and whether they
    asked for no more e-mail. Erasing a reader's data deletes it."""

    email = models.EmailField(_("e-mail"), unique=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("first seen"), default=timezone.now)

    class Meta:
        verbose_name = _("commenter")
        verbose_name_plural = _("commenters")

    def __str__(self):
        return self.email

    @classmethod
    def for_email(cls, email):
        """The commenter of ``email`` (in any case), made on first use."""
        commenter, _created = cls.objects.get_or_create(email=email.strip().lower())
        return commenter

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class MutedThread(models.Model):
    """A conversation a commenter asked to hear no more of."""

    commenter = models.ForeignKey(Commenter, on_delete=models.CASCADE, related_name="muted")
    thread = models.ForeignKey(
        "wellness_comments.ReaderComment", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("muted conversation")
        verbose_name_plural = _("muted conversations")
        constraints = [
            models.UniqueConstraint(fields=["commenter", "thread"], name="wellness_mute_once")
        ]

    def __str__(self):
        return f"{self.commenter} · {self.thread_id}"


class CommentReport(models.Model):
    """A reader's report that a public comment should not be there. Each reader counts once
    (``reporter`` is a keyed hash of their address); enough of them hide the comment until a
    moderator decides, which resolves them."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSIVE = "abusive", _("Abusive or hateful")
        MISINFORMATION = "misinformation", _("Medical misinformation")
        PERSONAL = "personal", _("Personal information")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(
        "wellness_comments.ReaderComment", on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    reporter = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="wellness_report_once")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.comment_id}"
