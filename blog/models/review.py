"""How often articles are reviewed: each site's interval (Settings → Clinical review), an
article's own, and when each article's next review is due (blog.review_dates says how the
months are counted, and why an article never reviewed is not overdue)."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Site

from blog.core.models import CachedSiteSetting

from ..review_dates import (
    DEFAULT_INTERVAL_MONTHS,
    DUE_SOON_DAYS,
    AddMonths,
    ReviewStatus,
    add_months,
    review_status,
)

INTERVAL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(120)]


@register_setting(icon="calendar-check")
class ClinicalReviewSettings(CachedSiteSetting):
    review_interval_months = models.PositiveSmallIntegerField(
        _("review every (months)"),
        default=DEFAULT_INTERVAL_MONTHS,
        validators=INTERVAL_VALIDATORS,
        help_text=_(
            "How long a review stays current. An article may set its own interval, in its "
            "Review panel."
        ),
    )

    panels = [FieldPanel("review_interval_months")]

    class Meta:
        verbose_name = _("clinical review")
        verbose_name_plural = _("clinical review")

    def __str__(self):
        return str(_("Clinical review settings for %(site)s") % {"site": self.site})

    @classmethod
    def intervals(cls):
        """[(root path, months)] for every site, the deepest root first, so the first root
        a page's path starts with is its site's. Two queries."""
        saved = dict(cls.objects.values_list("site", "review_interval_months"))
        roots = Site.objects.order_by("-is_default_site", "pk").values_list("pk", "root_page__path")
        found = {}
        for pk, path in roots:  # two sites on one root: the default site's, else the first
            found.setdefault(path, saved.get(pk, DEFAULT_INTERVAL_MONTHS))
        return sorted(found.items(), key=lambda pair: -len(pair[0]))


class ReviewScheduleQuerySetMixin:
    """For the articles' queryset: when reviews fall due, worked out in the database."""

    def with_review_due(self, today=None):
        """Annotates ``review_due`` (None for an article never reviewed) and
        ``review_status`` (a ``ReviewStatus``) as seen on ``today``."""
        today = today or timezone.localdate()
        intervals = ClinicalReviewSettings.intervals()
        site_months = Case(
            *(When(path__startswith=root, then=Value(months)) for root, months in intervals),
            default=Value(DEFAULT_INTERVAL_MONTHS),
        )
        months = Coalesce("review_interval_months", site_months, output_field=IntegerField())
        soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
        return self.annotate(review_due=AddMonths("last_reviewed", months)).annotate(
            review_status=Case(
                When(review_due=None, then=Value(ReviewStatus.NOT_REVIEWED)),
                When(review_due__lte=today, then=Value(ReviewStatus.OVERDUE)),
                When(review_due__lte=soon, then=Value(ReviewStatus.DUE_SOON)),
                default=Value(ReviewStatus.CURRENT),
            )
        )

    def coming_due(self, within_days=DUE_SOON_DAYS, today=None):
        """Live articles whose review is overdue or due within ``within_days``, the
        longest overdue first."""
        today = today or timezone.localdate()
        horizon = today + datetime.timedelta(days=within_days)
        return (
            self.live()
            .with_review_due(today)
            .filter(review_due__lte=horizon)
            .order_by("review_due", "pk")
        )

    def involving(self, profile):
        """The articles ``profile`` (an author page) wrote or reviews."""
        wrote = self.model.objects.by_author(profile).values("pk")
        return self.filter(Q(pk__in=wrote) | Q(reviewer=profile))


class ReviewScheduleMixin(models.Model):
    """For articles: their own review interval, and when their next review is due."""

    review_interval_months = models.PositiveSmallIntegerField(
        _("review every (months)"),
        null=True,
        blank=True,
        validators=INTERVAL_VALIDATORS,
        help_text=_("Leave blank for the site's interval (Settings → Clinical review)."),
    )

    class Meta:
        abstract = True

    def next_review_due(self, site=None):
        """When the next review is due, or None if it was never reviewed. ``site``: the
        article's (looked up when not given)."""
        if self.last_reviewed is None:
            return None
        months = self.review_interval_months
        if months is None:
            setting = ClinicalReviewSettings.for_site(site or self.get_site())
            months = setting.review_interval_months
        return add_months(self.last_reviewed, months)

    def get_review_status(self, site=None, today=None):
        """A ``ReviewStatus``. (Querysets annotate the same as ``review_status``.)"""
        return review_status(self.next_review_due(site), today or timezone.localdate())

    def review_is_current(self, site=None):
        """Whether the article may say it is reviewed: it was, and that review has not
        fallen due."""
        return self.get_review_status(site) in (ReviewStatus.CURRENT, ReviewStatus.DUE_SOON)

    def cache_valid_until(self, request):
        """A cached copy that says the article is reviewed goes stale when the review
        falls due (docs/page-cache.md)."""
        due = self.next_review_due(Site.find_for_request(request))
        if due is None or due <= timezone.localdate():
            return None
        return timezone.make_aware(datetime.datetime.combine(due, datetime.time.min))
