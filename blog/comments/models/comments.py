"""What readers write under pages, and the state of its moderation."""

from django.conf import settings
from django.db import connection, models
from django.db.models import Case, Count, F, Func, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


def _awaiting_moderation():
    return Q(queue_rank__gt=QUEUE_RANK_DONE)


# A comment's place in the moderation queue, kept by the database (ReaderComment.queue_rank):
# urgent ones still pending first, then the rest awaiting a decision (pending comments, and
# approved ones their writers edited since); done with.
QUEUE_RANK_URGENT, QUEUE_RANK_WAITING, QUEUE_RANK_DONE = 2, 1, 0


# How many of a body's first characters are indexed with its page: enough to tell comments
# apart, for the duplicate check to find a body among a page's comments at once however many
# it has (a whole body is too long for an index).
BODY_OPENING = 64


class BodyOpening(Func):
    """A comment body's first ``BODY_OPENING`` characters. The numbers are written into the
    SQL, never passed as parameters: only then does the database see that a query's
    expression is its index's."""

    template = f"SUBSTR(%(expressions)s, 1, {BODY_OPENING})"
    arity = 1
    output_field = TextField()


# How many comments a site may have before the moderation queue shows an estimate of all
# of them rather than count them (see ``status_counts``).
ESTIMATE_BEYOND = 1_000_000


class StatusCounts(dict):
    """{status tab: number of comments}, and which of the numbers are estimates."""

    def __init__(self, counts, approximate=()):
        super().__init__(counts)
        self.approximate = frozenset(approximate)


class WaitingUrgent(Func):
    """1 for an urgent comment still pending, else 0, from its ``queue_rank``. The numbers
    are written into the SQL, as ``BodyOpening``'s, so that a query's expression is seen
    to be its index's."""

    template = f"CASE WHEN %(expressions)s = {QUEUE_RANK_URGENT} THEN 1 ELSE 0 END"
    arity = 1
    output_field = IntegerField()


class ReaderCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReaderComment.Status.APPROVED)

    def pending(self):
        return self.filter(status=ReaderComment.Status.PENDING)

    def awaiting_moderation(self):
        """What a moderator has to decide: pending comments, and approved ones whose
        writers edited them since."""
        return self.filter(_awaiting_moderation())

    def urgent_first(self, ordering="-created_at"):
        """Urgent comments still pending first, then in ``ordering`` ("-created_at" or
        "created_at"; the pk breaks ties): read from an index at any size."""
        return self.alias(waiting_urgent=WaitingUrgent("queue_rank")).order_by(
            "-waiting_urgent", ordering, "-pk"
        )

    def for_page(self, page):
        return self.filter(page=page)

    def opening_as(self, body):
        """Comments whose body opens as ``body`` does (its first ``BODY_OPENING``
        characters): found by the index within a page (``for_page``). (Asking for the whole
        body as well would lose the index on SQLite: it would put the text in place of
        the column in the opening's expression.)"""
        return self.alias(body_opening=BodyOpening("body")).filter(body_opening=body[:BODY_OPENING])

    def visible_to(self, own_ids, moderated_ids=()):
        """Approved comments, plus the reader's own that still wait (for a moderator, or
        for their own confirmation), plus ``moderated_ids`` whatever their status: the
        thread a moderator looks at in its place (blog.comments.display.in_context)."""
        waiting = [ReaderComment.Status.PENDING, ReaderComment.Status.UNCONFIRMED]
        shown = Q(status=ReaderComment.Status.APPROVED) | Q(status__in=waiting, pk__in=own_ids)
        if moderated_ids:
            shown |= Q(pk__in=moderated_ids)
        return self.filter(shown)

    def status_counts(self):
        """The number of comments under each status tab (``StatusCounts``); "pending"
        counts what awaits moderation, as the listing's filter does, and is always exact.
        The approved, the bulk of a site's comments, are what the total leaves once the
        others are counted: counting them by status would read most of the status index at
        every load of the listing. Past ``ESTIMATE_BEYOND`` comments every tab but Pending
        shows PostgreSQL's own estimate (``_estimate``): counting the million comments that
        are spam or rejected among ten million takes a tenth of a second at every load."""
        Status = ReaderComment.Status
        total, shares = self._estimate()
        if shares:
            # A status too rare for the statistics to have seen is cheap to count.
            by_status = {status: round(share * total) for status, share in shares.items()}
            unseen = [status for status in Status.values if status not in shares]
            by_status.update(self._count_by_status(unseen))
            approximate = {"all"} | ({Status.APPROVED, Status.SPAM, Status.REJECTED} & set(shares))
        else:
            by_status = self._count_by_status(
                [status for status in Status.values if status != Status.APPROVED]
            )
            by_status[Status.APPROVED] = total - sum(by_status.values())
            approximate = ()
        return StatusCounts(
            {
                "pending": self.awaiting_moderation().count(),
                "approved": by_status.get(Status.APPROVED, 0),
                "spam": by_status.get(Status.SPAM, 0),
                "rejected": by_status.get(Status.REJECTED, 0),
                "all": total,
            },
            approximate,
        )

    def _count_by_status(self, statuses):
        """{status: number of comments} for ``statuses``, in one query (none for none)."""
        if not statuses:
            return {}
        rows = self.filter(status__in=statuses).order_by().values_list("status")
        return dict(rows.annotate(count=Count("*")))

    def _estimate(self):
        """(number of comments, {status: its share of them}). Past ``ESTIMATE_BEYOND``
        comments in the whole table on PostgreSQL, both are the database's own, kept by
        autovacuum and ANALYZE: the table's row estimate and the status column's most common
        values. Otherwise the exact count and no shares."""
        if connection.vendor != "postgresql" or self.query.where:
            return self.count(), {}
        table = connection.ops.quote_name(self.model._meta.db_table)
        status = self.model._meta.get_field("status").column
        # The count is a query of its own: in this one, its mere cost (never paid past the
        # estimate) would have PostgreSQL compile the query to machine code first (JIT).
        sql = """
            SELECT c.reltuples::bigint, s.most_common_vals::text::text[], s.most_common_freqs
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_stats s
                ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = %s
            WHERE c.oid = %s::regclass
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [status, table])
            rows, values, shares = cursor.fetchone()
        if rows <= ESTIMATE_BEYOND:
            return self.count(), {}
        return rows, dict(zip(values or (), shares or (), strict=True))

    def _by_addresses(self, emails):
        # By the writer's index, as Upper("email") is written in it.
        return self.annotate(address=Upper("email")).filter(
            address__in={email.upper() for email in emails}
        )

    def written_by(self, email):
        """The comments written from ``email``, in any case: a commenter's history, read
        from the writer's index however many comments the site has, in the queue's order
        (``urgent_first``) as it is kept there."""
        return self._by_addresses([email])

    def commenter_history(self, emails):
        """{address in upper case: (approved, spam)} for the writers of ``emails``, in one
        query (the writer's index serves it)."""
        Status = ReaderComment.Status
        rows = (
            self._by_addresses(emails)
            .values_list("address")
            .annotate(
                approved=Count("pk", filter=Q(status=Status.APPROVED)),
                spam=Count("pk", filter=Q(status=Status.SPAM)),
            )
            .order_by()
        )
        return {address: (approved, spam) for address, approved, spam in rows}

    def oldest_first(self):
        return self.order_by("created_at", "pk")

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def counts_by_page(self, pages):
        """{page id: number of comments} for ``pages``, in one query."""
        rows = (
            self.filter(page__in=pages).values_list("page").annotate(count=Count("pk")).order_by()
        )
        return dict(rows)


class ReaderComment(models.Model):
    """A reader's comment on a page, or a reply to another comment.

    Named so as not to be confused with ``wagtail.models.Comment``, which is the editors'
    own commenting on page drafts.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        # Where the site confirms new commenters: waiting for the link in their e-mail.
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")

    # Any page type that takes comments (blog.comments.pages): the plugin's articles, or a
    # host site's own pages.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
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
    # 1 for a comment on the page, 2 for a reply to it, and so on.
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown publicly."))
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader_comments",
        editable=False,
        help_text=_("The signed-in account that posted the comment, if any."),
    )
    # For abuse handling: a keyed hash, so the raw address is never stored.
    ip_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True, editable=False)

    # It speaks of self-harm or suicide (the site's safeguarding phrases): moderators see it
    # first, whatever else they sort by, and are told at once.
    urgent = models.BooleanField(_("urgent"), default=False, db_index=True, editable=False)
    # Its writer asked to be e-mailed when someone replies.
    notify_replies = models.BooleanField(_("notify of replies"), default=False, editable=False)
    # Its writer's own change to it, waiting for a moderator while the text they had
    # approved stays public.
    edited_body = models.TextField(_("edit awaiting moderation"), blank=True, editable=False)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    # Removed by its writer (or their data erased) while replies hang from it: the thread
    # keeps its place, without its words or its writer's name.
    removed = models.BooleanField(_("removed"), default=False, editable=False)
    # A reply from the page's author (a therapist answering a reader), shown with their
    # credentials and a link to their profile; the account is ``user``.
    by_author = models.BooleanField(_("by the author"), default=False, editable=False)
    credentials = models.CharField(_("credentials"), max_length=100, blank=True, editable=False)
    profile = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("author's profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # Kept by the database, so that the queue is read straight from an index at any size.
    queue_rank = models.GeneratedField(
        expression=Case(
            When(Q(status="pending", urgent=True), then=Value(QUEUE_RANK_URGENT)),
            When(
                Q(status="pending") | Q(status="approved", edited_at__isnull=False),
                then=Value(QUEUE_RANK_WAITING),
            ),
            default=Value(QUEUE_RANK_DONE),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        editable=False,
    )

    objects = ReaderCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader comment")
        verbose_name_plural = _("reader comments")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_readercomment", _("Can moderate reader comments"))]
        indexes = [
            models.Index(fields=["page", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            # A writer's comments, urgent ones still waiting first, then newest first: found
            # and listed in the queue's order however many the site has (``written_by``).
            models.Index(
                Upper("email"),
                WaitingUrgent("queue_rank").desc(),
                F("created_at").desc(),
                F("id").desc(),
                name="wellness_comment_writer",
            ),
            models.Index(F("page"), BodyOpening("body"), name="wellness_comment_page_body"),
            models.Index(fields=["queue_rank", "created_at", "id"], name="wellness_comment_queue"),
            # Every comment, urgent ones still waiting first, newest or oldest first: the
            # queue's "All" tab in its two orders (admin/queue.py), at any size.
            models.Index(
                WaitingUrgent("queue_rank").desc(),
                F("created_at").desc(),
                F("id").desc(),
                name="wellness_comment_all_newest",
            ),
            models.Index(
                WaitingUrgent("queue_rank").desc(),
                F("created_at").asc(),
                F("id").desc(),
                name="wellness_comment_all_oldest",
            ),
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
