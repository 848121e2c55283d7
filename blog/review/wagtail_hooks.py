"""Clinical review in the Wagtail admin: the "Reviews due" report, the dashboard panel of a
therapist's reviews coming due, and the audit log's words for recording a review."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import workflow
from .panels import ReviewsComingDuePanel
from .report import ReviewsDueMenuItem, ReviewsDueView


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", ReviewsDueView.as_view(), name="report"),
        path("results/", ReviewsDueView.as_view(results_only=True), name="report_results"),
    ]
    return [path("reports/reviews-due/", include((urls, "wellness_review")))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReviewsDueMenuItem(
        _("Reviews due"),
        reverse("wellness_review:report"),
        name="reviews-due",
        icon_name="calendar-check",
        order=1150,  # after Wagtail's "Aging pages"
    )


@hooks.register("construct_homepage_panels")
def add_reviews_coming_due_panel(request, panels):
    profile = getattr(request.user, "author_profile", None)
    if profile is not None:
        panels.append(ReviewsComingDuePanel(profile))


hooks.register("register_log_actions", workflow.register_log_actions)
