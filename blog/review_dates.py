"""When an article's next clinical review falls due, in Python and in SQL alike.

A review is due a number of months after the last one, on the same day of the month, or on
the month's last day where it has no such day: 31 January + 1 month is the end of February,
29 February + 12 months is 28 February. PostgreSQL adds months that way; SQLite does not
(its 31 January + 1 month is 2 or 3 March), so ``AddMonths`` spells it out for SQLite.

A review is current until its due date; from that day on it is overdue. An article that was
never reviewed is *not reviewed* rather than overdue: no one vouched for it, so there is no
review to renew, and a medical editor wants it told apart from a lapsed one.
"""

import calendar
import datetime

from django.db import NotSupportedError
from django.db.models import DateField, Func, TextChoices
from django.utils.translation import gettext_lazy as _

DEFAULT_INTERVAL_MONTHS = 12
# How far ahead "due soon" looks: the report, the dashboard and the reminders.
DUE_SOON_DAYS = 30


class ReviewStatus(TextChoices):
    NOT_REVIEWED = "not_reviewed", _("Not reviewed")
    CURRENT = "current", _("Current")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


def add_months(day, months):
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_status(due, today, soon_days=DUE_SOON_DAYS):
    """The status of a review due on ``due`` (None: never reviewed), seen on ``today``."""
    if due is None:
        return ReviewStatus.NOT_REVIEWED
    if due <= today:
        return ReviewStatus.OVERDUE
    if due <= today + datetime.timedelta(days=soon_days):
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


class AddMonths(Func):
    """``add_months(date, months)`` in SQL, on SQLite and PostgreSQL; NULL for a NULL date."""

    arity = 2
    output_field = DateField()

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError(
            f"AddMonths is written for SQLite and PostgreSQL, not {connection.vendor}"
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        (day, day_params), (months, months_params) = self._compiled(compiler)
        sql = f"({day} + make_interval(months => ({months})::integer))::date"
        return sql, [*day_params, *months_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        (day, day_params), (months, months_params) = self._compiled(compiler)
        # The first of the month ``months`` later; then the same day of the month, unless
        # that runs past the month's last day.
        first = f"date({day}, 'start of month', '+' || ({months}) || ' months')"
        same_day = f"date({first}, '+' || (CAST(substr({day}, 9, 2) AS INTEGER) - 1) || ' days')"
        last_day = f"date({first}, '+1 month', '-1 day')"
        first_params = [*day_params, *months_params]
        params = [*first_params, *day_params, *first_params]
        return f"min({same_day}, {last_day})", params

    def _compiled(self, compiler):
        return [compiler.compile(expression) for expression in self.get_source_expressions()]
