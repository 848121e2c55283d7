"""Reminders of reviews falling due, e-mailed by ``manage.py send_review_reminders``, which
cron runs daily.

Each article's reviewer is reminded, at the address of their author profile's admin
account; where the reviewer has none (or no address), the article's authors are. Each
person gets one e-mail listing their articles. A person hears of an article's review once
when it comes due within the window (30 days by default), again on the day it falls due,
then once a week while it stays overdue: often enough not to be forgotten, rarely enough
not to be filtered as noise. ``ReviewReminder`` remembers what was sent, so running the
command twice a day, or every day, sends nothing twice; a new review brings a new due date,
and the reminders start afresh. Nothing is recorded for an e-mail that could not be sent:
the next run tries again.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Site

from blog.models import ArticleAuthor, ArticlePage
from blog.review_dates import DUE_SOON_DAYS

from .models import ReviewReminder

logger = logging.getLogger(__name__)

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
    """E-mail each reminder, in the site's language, and record those sent. Returns the
    reminders sent; failures are logged and left for the next run."""
    today = today or timezone.localdate()
    roots = Site.get_site_root_paths()
    sent = []
    for reminder in reminders:
        with translation.override(settings.LANGUAGE_CODE):
            message = email(reminder, roots, today)
        try:
            message.send()
        except Exception:
            logger.exception("Could not send a review reminder to %s", reminder.recipient.email)
            continue
        record(reminder)
        sent.append(reminder)
    return sent


def email(reminder, roots, today):
    rows = [
        {
            "title": article.title,
            "due": article.review_due,
            "overdue": article.review_due <= today,
            "edit_url": edit_url(article, roots),
        }
        for article in reminder.articles
    ]
    user = reminder.recipient
    context = {"name": user.get_full_name() or user.get_username(), "rows": rows}
    subject = ngettext(
        "%(count)d article is due for clinical review",
        "%(count)d articles are due for clinical review",
        len(rows),
    ) % {"count": len(rows)}
    body = render_to_string("wellness_review/email/reminder.txt", context)
    return EmailMessage(subject, body, None, [user.email])


def edit_url(article, roots):
    """The article's page in the admin, on its own site's address (WAGTAILADMIN_BASE_URL
    for an article on no site)."""
    base = next(
        (root.root_url for root in roots if article.url_path.startswith(root.root_path)),
        settings.WAGTAILADMIN_BASE_URL,
    )
    return base + reverse("wagtailadmin_pages:edit", args=[article.pk])


def record(reminder):
    now = timezone.now()
    ReviewReminder.objects.bulk_create(
        [
            ReviewReminder(
                article=article, due=article.review_due, recipient=reminder.recipient, sent_at=now
            )
            for article in reminder.articles
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
