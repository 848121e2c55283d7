"""What readers write under articles, and the state of its moderation."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import Truncator


class ReaderCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReaderComment.Status.APPROVED)

    def pending(self):
        return self.filter(status=ReaderComment.Status.PENDING)

    def for_article(self, article):
        return self.filter(article=article)

    def visible_to(self, own_ids):
        """Approved comments, plus the reader's own that still await moderation."""
        return self.filter(
            Q(status=ReaderComment.Status.APPROVED)
            | Q(status=ReaderComment.Status.PENDING, pk__in=own_ids)
        )

    def oldest_first(self):
        return self.order_by("created_at", "pk")

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def counts_by_article(self, articles):
        """{article id: number of comments} for ``articles``, in one query."""
        rows = (
            self.filter(article__in=articles)
            .values_list("article")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return dict(rows)


class ReaderComment(models.Model):
    """A reader's comment on an article, or a reply to another comment.

    Named so as not to be confused with ``wagtail.models.Comment``, which is the editors'
    own commenting on page drafts.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    article = models.ForeignKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="reader_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment a reply belongs to, so a page of threads loads in one query.
    thread = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread_replies",
        editable=False,
    )
    # 1 for a comment on the article, 2 for a reply to it, and so on.
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    name = models.CharField(max_length=80)
    email = models.EmailField("e-mail", help_text="Never shown publicly.")
    body = models.TextField(max_length=5000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader_comments",
        editable=False,
        help_text="The signed-in account that posted the comment, if any.",
    )
    # For abuse handling: a keyed hash, so the raw address is never stored.
    ip_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    user_agent = models.CharField(max_length=300, blank=True, editable=False)

    objects = ReaderCommentQuerySet.as_manager()

    class Meta:
        verbose_name = "reader comment"
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_readercomment", "Can moderate reader comments")]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self):
        return f"{self.name}: {self.excerpt}"

    def reply_to(self, parent):
        if parent is not None:
            self.parent = parent
            self.thread_id = parent.thread_id or parent.pk
            self.depth = parent.depth + 1

    @property
    def excerpt(self):
        return Truncator(" ".join(self.body.split())).chars(80)

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED
