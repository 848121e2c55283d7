"""The admins' side of the outbox: the "Mail not delivered" report (Reports menu), *Send
again*, and a dashboard panel that says when there is anything in the report.

The report holds readers' addresses: only superusers and those given the "view mail
delivery" permission see it; *Send again* needs "change mail delivery".
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import MailDelivery
from .notices import description_of, notice_for
from .tasks import task_for

policy = ModelPermissionPolicy(MailDelivery)
Status = MailDelivery.Status


def status_label(row):
    if row.status == Status.PENDING:
        return _("Failed, trying again")
    return row.get_status_display()


class SendAgainColumn(Column):
    cell_template_name = "wellness_core/outbox/send_again_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("wellness_outbox:send_again", args=[instance.pk])
        context["may_send"] = policy.user_has_permission(parent_context["request"].user, "change")
        return context


class MailNotDeliveredView(ReportView):
    page_title = _("Mail not delivered")
    header_icon = "mail"
    index_url_name = "wellness_outbox:report"
    index_results_url_name = "wellness_outbox:report_results"
    permission_policy = policy
    any_permission_required = ["view", "change"]
    default_ordering = "-created_at"
    columns = [
        Column("what", label=_("What"), accessor=lambda row: description_of(row.kind)),
        Column("subject", label=_("Subject")),
        Column("address", label=_("To")),
        Column("last_error", label=_("Why")),
        Column("tries", label=_("Tries")),
        DateColumn("created_at", label=_("Queued"), sort_key="created_at"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=status_label,
            primary=lambda row: row.status != Status.PENDING,
        ),
        SendAgainColumn("send_again", label=_("Action")),
    ]
    list_export = ["kind", "subject", "address", "last_error", "tries", "created_at", "status"]

    def get_base_queryset(self):
        return MailDelivery.objects.undelivered()


@require_POST
def send_again(request, pk):
    if not policy.user_has_permission(request.user, "change"):
        return permission_denied(request)
    delivery = get_object_or_404(MailDelivery, pk=pk)
    events = MailDelivery.objects.filter(pk=delivery.pk).send_again()
    for kind, event, params in events:
        task_for(notice_for(kind, params)).enqueue(kind, event, params)
    if events:
        messages.success(
            request,
            _("The e-mail to %(address)s is being sent again.") % {"address": delivery.address},
        )
    else:
        messages.info(request, _("That e-mail was sent meanwhile."))
    return redirect("wellness_outbox:report")


class MailNotDeliveredMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.user_has_any_permission(request.user, ["view", "change"])


class MailNotDeliveredPanel(Component):
    """Shown on the dashboard while mail could not be delivered, to those who may see it."""

    name = "mail_not_delivered"
    template_name = "wellness_core/outbox/dashboard_panel.html"
    order = 50  # first: someone may be waiting for it

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "message": ngettext(
                "%(count)d e-mail could not be delivered.",
                "%(count)d e-mails could not be delivered.",
                self.count,
            )
            % {"count": self.count},
            "report_url": reverse("wellness_outbox:report"),
        }


def dashboard_panel(request):
    if not policy.user_has_any_permission(request.user, ["view", "change"]):
        return None
    count = MailDelivery.objects.given_up().count()
    return MailNotDeliveredPanel(count) if count else None
