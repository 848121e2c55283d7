"""The core's additions to the Wagtail admin: the permission to publish without review, in
the group editor, the submit button first for those who must submit, new pages that a
racing autosave cannot duplicate (blog.core.creation), and the "Mail not delivered" report
(blog.core.outbox.views)."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import (
    converters,  # noqa: F401 (registers <wellness_id:...>)
    creation,
)
from .outbox import views as outbox
from .pages import WellnessPageMixin
from .permissions import PUBLISH_WITHOUT_REVIEW


@hooks.register("register_permissions")
def register_publish_without_review_permission():
    app_label, codename = PUBLISH_WITHOUT_REVIEW.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("construct_page_action_menu")
def submit_for_review_first(menu_items, request, context):
    """Where a therapist may not publish a wellness page, submitting it for review is what
    she came to do: make it the button she sees, not an item hidden under "Save draft"."""
    model = edited_page_model(request, context)
    if model is None or not issubclass(model, WellnessPageMixin):
        return
    names = [item.name for item in menu_items]
    if "action-submit" not in names or "action-publish" in names:
        return
    submit = menu_items.pop(names.index("action-submit"))
    menu_items.insert(0, submit)


def edited_page_model(request, context):
    """The page type of the editor's page: the page's, or when creating one (the menu then
    knows only the parent) the type named in the create view's URL."""
    if (page := context.get("page")) is not None:
        return type(page)
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    try:
        return apps.get_model(kwargs["content_type_app_name"], kwargs["content_type_model_name"])
    except (KeyError, LookupError):
        return None


hooks.register("register_admin_viewset", creation.wellness_page_viewsets)
hooks.register("after_create_page", creation.record_creation)


@hooks.register("register_admin_urls")
def register_outbox_urls():
    urls = [
        path("", outbox.MailNotDeliveredView.as_view(), name="report"),
        path(
            "results/",
            outbox.MailNotDeliveredView.as_view(results_only=True),
            name="report_results",
        ),
        path("<wellness_id:pk>/send-again/", outbox.send_again, name="send_again"),
    ]
    return [path("reports/mail-not-delivered/", include((urls, "wellness_outbox")))]


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return outbox.MailNotDeliveredMenuItem(
        _("Mail not delivered"),
        reverse("wellness_outbox:report"),
        name="mail-not-delivered",
        icon_name="mail",
        order=1160,
    )


@hooks.register("construct_homepage_panels")
def add_mail_not_delivered_panel(request, panels):
    if (panel := outbox.dashboard_panel(request)) is not None:
        panels.append(panel)


@hooks.register("register_permissions")
def register_outbox_permissions():
    return Permission.objects.filter(
        content_type__app_label="wellness_core",
        codename__in=["view_maildelivery", "change_maildelivery"],
    )
