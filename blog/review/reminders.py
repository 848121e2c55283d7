"""Reminders of reviews falling due, e-mailed by ``manage.py send_review_reminders``, which
cron runs daily.

Each article's reviewer is reminded, at the address of their author profile's admin
account; where the reviewer has none (or no address), the article's authors are. Each
person gets one e-mail listing their articles. A person hears of an article's review once
when it comes due within the window (30 days by default), again on the day it falls due,
then once a week while it stays overdue: often enough not to be forgotten, rarely enough
not to be filtered as noise. ``ReviewReminder`` remembers what was sent, so running the
command twice a day, or every day, sends nothing twice; a new review brings a new due date,
and the reminders start afresh. Each e-mail is a notice of the outbox (blog.core.outbox):
sent by a task, tried again for a day if the mail server fails, and recorded once delivered.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Site

from blog.core.outbox.notices import Notice, Recipient, register
from blog.core.outbox.tasks import send_notice
from blog.core.sites import absolute_url
from blog.models import ArticleAuthor, ArticlePage
from blog.review_dates import DUE_SOON_DAYS

from .models import ReviewReminder

# While a review is overdue, a reminder is sent again once this much has passed.
REPEAT_OVERDUE = datetime.timedelta(days=7)


@dataclass
class Reminder:
    recipient: object  # a user
    articles: list = field(default_factory=list)


@dataclass
class Plan:
    due: list  # the articles due or overdue
    reminders: list  # what to send now
    unreachable: list  # articles whose reviewer and authors have no address


def plan(within_days=DUE_SOON_DAYS, today=None):
    """Who to remind of which articles today. A few queries however many articles."""
    today = today or timezone.localdate()
    due = list(
        ArticlePage.objects.coming_due(within_days, today)
        .defer_streamfields()
        .select_related("reviewer__user")
        .prefetch_related(
            Prefetch("author_links", ArticleAuthor.objects.select_related("author__user"))
        )
    )
    sent = {
        (reminder.article_id, reminder.due, reminder.recipient_id): reminder.sent_at
        for reminder in ReviewReminder.objects.filter(article__in=[a.pk for a in due])
    }
    reminders, unreachable = {}, []
    for article in due:
        people = recipients(article)
        if not people:
            unreachable.append(article)
        for person in people:
            last = sent.get((article.pk, article.review_due, person.pk))
            if may_remind(last, article.review_due, today):
                reminders.setdefault(person.pk, Reminder(person)).articles.append(article)
    return Plan(due, list(reminders.values()), unreachable)


def recipients(article):
    reviewer = article.reviewer
    if reviewer is not None and reachable(reviewer.user):
        return [reviewer.user]
    return [link.author.user for link in article.author_links.all() if reachable(link.author.user)]


def reachable(user):
    return user is not None and user.is_active and bool(user.email)


def may_remind(last_sent, due, today):
    """Whether to remind of a review due on ``due``, last reminded at ``last_sent`` (None:
    never): the first time, and once it is overdue, unless reminded since it fell due and
    within the last week."""
    if last_sent is None:
        return True
    sent_on = timezone.localdate(last_sent)
    return today >= due and (sent_on < due or sent_on <= today - REPEAT_OVERDUE)


def send(reminders, today=None):
    """Queue an e-mail for each reminder (one a person a day, however often this runs)."""
    today = today or timezone.localdate()
    for reminder in reminders:
        notice = ReviewsDue(
            user=reminder.recipient.pk,
            articles=[article.pk for article in reminder.articles],
            today=today.isoformat(),
        )
        send_notice(notice, event=f"{today.isoformat()}:{reminder.recipient.pk}")


@register
class ReviewsDue(Notice):
    """One person's list of articles whose review is due (``params``: the user, the
    articles' ids, the day it was planned)."""

    kind = "review-reminder"
    description = _("Reviews due")

    @cached_property
    def user(self):
        return get_user_model().objects.filter(pk=self.params["user"]).first()

    def recipients(self):
        return [Recipient(self.user.email, user=self.user.pk)] if reachable(self.user) else []

    @cached_property
    def articles(self):
        articles = ArticlePage.objects.filter(pk__in=self.params["articles"])
        return list(articles.with_review_due().defer_streamfields().order_by("review_due"))

    def message(self, recipient):
        if not self.articles:
            return None
        today = datetime.date.fromisoformat(self.params["today"])
        roots = Site.get_site_root_paths()
        rows = [
            {
                "title": article.title,
                "due": article.review_due,
                "overdue": article.review_due <= today,
                "edit_url": edit_url(article, roots),
            }
            for article in self.articles
        ]
        user = self.user
        context = {"name": user.get_full_name() or user.get_username(), "rows": rows}
        subject = ngettext(
            "%(count)d article is due for clinical review",
            "%(count)d articles are due for clinical review",
            len(rows),
        ) % {"count": len(rows)}
        return self.email(subject, "wellness_review/email/reminder.txt", context, recipient)

    def sent(self, recipient):
        record(self.user, self.articles)


def edit_url(article, roots):
    """The article's page in the admin, on its own site's address (the site's base URL for
    an article on no site)."""
    path = reverse("wagtailadmin_pages:edit", args=[article.pk])
    base = next(
        (root.root_url for root in roots if article.url_path.startswith(root.root_path)), None
    )
    return absolute_url(path) if base is None else base + path


def record(recipient, articles):
    now = timezone.now()
    ReviewReminder.objects.bulk_create(
        [
            ReviewReminder(
                article=article, due=article.review_due, recipient=recipient, sent_at=now
            )
            for article in articles
        ],
        update_conflicts=True,
        unique_fields=["article", "due", "recipient"],
        update_fields=["sent_at"],
    )


def describe(reminders):
    """ "maren@example.com (2 articles), jonah@example.com (1 article)"."""
    return ", ".join(
        ngettext("%(email)s (%(count)d article)", "%(email)s (%(count)d articles)", count)
        % {"email": reminder.recipient.email, "count": count}
        for reminder in reminders
        for count in [len(reminder.articles)]
    )
