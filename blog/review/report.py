"""The "Reviews due" report (Reports menu): live articles whose review is overdue or due
soon, filterable by author, reviewer and status, downloadable as Wagtail's reports are.

Whoever may edit pages sees it, on the articles they may edit; therapists see their
colleagues' too (a review is a shared duty), and "Only mine" narrows it to their own.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from blog.models import ArticlePage, AuthorPage
from blog.review_dates import DUE_SOON_DAYS, ReviewStatus

# Who may see the report: as for Wagtail's own page reports.
EDITING = ["add", "change", "publish"]
STATUSES = [
    (status.value, status.label)
    for status in (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.NOT_REVIEWED)
]


def page_policy():
    return policy_registry.get_by_type(Page)


def status_label(value):
    return str(ReviewStatus(value).label)


class ReviewsDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=STATUSES,
        empty_label=_("Overdue or due soon"),
        method="filter_status",
    )
    author = django_filters.ChoiceFilter(label=_("Author"), field_name="author_links__author")
    reviewer = django_filters.ChoiceFilter(label=_("Reviewer"))
    mine = django_filters.BooleanFilter(
        label=_("Only mine"),
        help_text=_("Articles you wrote or review."),
        widget=forms.CheckboxInput,
        method="filter_mine",
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Both from one query, and a value is checked against them rather than looked up as
        # sent: an id someone mangled costs no query (nor overflows one).
        people = AuthorPage.objects.order_by("title").values_list("pk", "title")
        choices = [(str(pk), title) for pk, title in people]
        for name in ("author", "reviewer"):
            self.filters[name].extra["choices"] = choices

    def filter_status(self, queryset, name, value):
        return queryset.filter(review_status=value)

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        profile = getattr(self.request.user, "author_profile", None)
        return queryset.none() if profile is None else queryset.involving(profile)


class ReviewsDueView(ReportView):
    page_title = _("Reviews due")
    header_icon = "calendar-check"
    index_url_name = "wellness_review:report"
    index_results_url_name = "wellness_review:report_results"
    filterset_class = ReviewsDueFilterSet
    any_permission_required = EDITING
    default_ordering = "review_due"
    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            get_url=lambda article: reverse("wagtailadmin_pages:edit", args=[article.pk]),
            sort_key="title",
        ),
        Column("author_names", label=_("Authors")),
        Column("reviewer", label=_("Reviewer"), accessor=lambda a: a.reviewer or ""),
        Column(
            "last_reviewed",
            label=_("Last reviewed"),
            accessor=lambda a: a.last_reviewed or "",
            sort_key="last_reviewed",
        ),
        Column(
            "review_due",
            label=_("Next review due"),
            accessor=lambda a: a.review_due or "",
            sort_key="review_due",
        ),
        StatusTagColumn(
            "review_status",
            label=_("Status"),
            accessor=lambda a: status_label(a.review_status),
            primary=lambda a: a.review_status == ReviewStatus.OVERDUE,
        ),
    ]
    list_export = [
        "title",
        "author_names",
        "reviewer",
        "last_reviewed",
        "review_due",
        "review_status",
    ]
    export_headings = {
        "title": _("Article"),
        "author_names": _("Authors"),
        "reviewer": _("Reviewer"),
        "last_reviewed": _("Last reviewed"),
        "review_due": _("Next review due"),
        "review_status": _("Status"),
    }
    custom_field_preprocess = {
        "review_status": {
            ReportView.FORMAT_CSV: status_label,
            ReportView.FORMAT_XLSX: status_label,
        }
    }
    export_filename = "reviews-due"

    @cached_property
    def permission_policy(self):
        return page_policy()

    def get_page_subtitle(self):
        return _("Overdue, or due within %(days)d days") % {"days": DUE_SOON_DAYS}

    def get_base_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            ArticlePage.objects.live()
            .filter(pk__in=editable.values("pk"))
            .with_review_due()
            .exclude(review_status__in=self.hidden_statuses())
            .defer_streamfields()
            .with_authors()
            .select_related("reviewer")
        )

    def hidden_statuses(self):
        """Current reviews never show; articles never reviewed only when asked for."""
        filters = self.filters
        status = filters.form.cleaned_data.get("status") if filters.is_valid() else None
        if status == ReviewStatus.NOT_REVIEWED:
            return [ReviewStatus.CURRENT]
        return [ReviewStatus.CURRENT, ReviewStatus.NOT_REVIEWED]


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return page_policy().user_has_any_permission(request.user, EDITING)
