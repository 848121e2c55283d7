"""The moderation queue: the comment listing the Comments menu opens, as WordPress's comment
screen taught moderators to expect it. Status tabs with counts, pending first; newest or
oldest first; one compact row per comment, its full text on demand; each commenter's
history; keyboard moderation; and undo after every action (blog.comments.admin.undo)."""

from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, Page
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, DateColumn, StatusTagColumn
from wagtail.snippets.views import snippets as snippet_views

from ..models import ReaderComment
from ..moderation import reports
from ..moderation.permissions import moderatable, url_name
from . import undo
from .access import ModeratorRequiredMixin
from .columns import CommentColumn, CommenterColumn, ModerationColumn, NotesColumn, PageColumn
from .filters import queue_filters, search
from .menu import remember_pending_count
from .personal_data import commenter_buttons

Status = ReaderComment.Status
# (status filter value, tab label), in the order of the tabs: "" is every comment.
TABS = [
    (Status.PENDING, _("Pending")),
    (Status.APPROVED, _("Approved")),
    (Status.SPAM, _("Spam")),
    (Status.REJECTED, _("Rejected")),
    ("", _("All")),
]
NEWEST_FIRST, OLDEST_FIRST = "-created_at", "created_at"
# Wagtail's bulk actions footer counts "snippets"; the queue counts comments.
BULK_STRINGS = {
    "SINGULAR": _("1 comment selected"),
    "PLURAL": _("%(objects)s comments selected"),
    "ALL": _("All %(objects)s comments on this screen selected"),
    "ALL_IN_LISTING": _("All comments in listing selected"),
}


@dataclass
class Tab:
    label: str
    count: int
    url: str
    current: bool
    approximate: bool = False  # the count is the database's estimate


class EstimatedPage(Page):
    def has_next(self):
        return len(self.object_list) == self.paginator.per_page


class EstimatedPaginator(WagtailPaginator):
    """Pages numbered from an estimate of the list's length: each page holds what the list
    holds there, so the last may be short or empty, and one past the estimate is served
    too (the list may have grown since): no comment is out of reach."""

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except EmptyPage:
            if int(number) < 1:
                raise
            return int(number)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return EstimatedPage(self.object_list[bottom : bottom + self.per_page], number, self)

    @cached_property
    def items_count_label(self):
        return _("about %(count)s %(items)s") % {
            "count": intcomma(self.count),
            "items": self.verbose_name_plural,
        }


def is_pending(comment):
    return comment.status == Status.PENDING


class ReaderCommentIndexView(ModeratorRequiredMixin, snippet_views.IndexView):
    any_permission_required = None  # ModeratorRequiredMixin decides
    history_url_name = None  # set by the viewset, like the other URL names
    default_ordering = NEWEST_FIRST
    table_classname = "listing wellness-queue"

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "data": queue_filters(self.request.GET)}

    def search_queryset(self, queryset):
        # The search box's one rule (filters.search), which "select all" follows too.
        return search(queryset, self.search_query) if self.is_searching else queryset

    def order_queryset(self, queryset):
        # Urgent comments still waiting come first, whatever the order asked for; the pk
        # breaks ties, so comments posted in the same instant keep their page. The pending
        # queue is read in the order of its index (ReaderComment.queue_rank); the other
        # tabs hold no waiting comment, except "All".
        if self.current_status == Status.PENDING:
            return queryset.order_by("-queue_rank", self.ordering, "-pk")
        if not self.current_status:  # "All": the urgent ones still waiting first there too
            return queryset.urgent_first(self.ordering)
        return queryset.order_by(self.ordering, "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        summaries = reports.summaries([comment.pk for comment in rows])
        history = moderatable(self.request.user).commenter_history(
            {comment.email for comment in rows if comment.email}
        )
        for comment in rows:
            comment.report_summary = summaries.get(comment.pk, [])
            comment.report_count = sum(count for _reason, count in comment.report_summary)
            comment.approved_before, comment.spam_before = history.get(
                comment.email.upper(), (0, 0)
            )
        context.update(
            tabs=self.tabs,
            orderings=self.orderings,
            undo=undo.offered(self.request),
            undo_url=reverse(url_name("undo")),
            next_url=self.next_url,
            bulk_strings={key: str(words) for key, words in BULK_STRINGS.items()},
        )
        return context

    def query_url(self, **changes):
        """This listing's URL with ``changes`` to its query, back on its first page."""
        params = self.request.GET.copy()
        for name in (self.page_kwarg, "_w_filter_fragment"):
            params.pop(name, None)
        params.update(changes)
        return f"{self.index_url}?{urlencode(sorted(params.items()))}"

    @cached_property
    def status_counts(self):
        counts = moderatable(self.request.user).status_counts()
        remember_pending_count(self.request, counts["pending"])
        return counts

    def get_paginator(self, queryset, per_page, **kwargs):
        # Where nothing but the tab narrows the list, the tab's count is its length: no
        # second count of a queue of a million comments. Past the estimate the pages are
        # numbered from it too: counting nine million approved comments takes half a second
        # at every load of the tab.
        narrowing = set(self.request.GET) - {"status", "ordering", self.page_kwarg}
        tab = self.current_status or "all"
        count = self.status_counts.get(tab)
        if narrowing or count is None:
            return super().get_paginator(queryset, per_page, **kwargs)
        estimated = tab in self.status_counts.approximate
        paginator_class = EstimatedPaginator if estimated else self.paginator_class
        paginator = paginator_class(queryset, per_page, **kwargs)
        paginator.count = count
        return paginator

    @property
    def tabs(self):
        counts = self.status_counts
        return [
            Tab(
                label,
                counts[status or "all"],
                self.query_url(status=status),
                status == self.current_status,
                (status or "all") in counts.approximate,
            )
            for status, label in TABS
        ]

    @property
    def orderings(self):
        return [
            Tab(label, None, self.query_url(ordering=ordering), self.ordering == ordering)
            for ordering, label in (
                (NEWEST_FIRST, _("Newest first")),
                (OLDEST_FIRST, _("Oldest first")),
            )
        ]

    @cached_property
    def current_status(self):
        return queue_filters(self.request.GET)["status"]

    @cached_property
    def columns(self):
        columns = [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            CommentColumn(
                "excerpt",
                label=_("Comment"),
                get_url=self.get_inspect_url,
                get_row_buttons=self.get_list_buttons,
                next_url=self.next_url,
            ),
            CommenterColumn("name", label=_("Commenter"), sort_key="name"),
            PageColumn("page", label=_("Page"), sort_key="page__title"),
            StatusTagColumn(
                "get_status_display", label=_("Status"), sort_key="status", primary=is_pending
            ),
            DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
            NotesColumn("notes", label=_("Notes")),
            ModerationColumn("moderate", label=_("Moderate"), next_url=self.next_url),
        ]
        if self.current_status == Status.PENDING:  # every row's; the notes say which were edited
            columns = [column for column in columns if column.name != "get_status_display"]
        return columns

    @cached_property
    def next_url(self):
        """This listing, as filtered now, to come back to after a moderation button."""
        params = self.request.GET.copy()
        params.pop("_w_filter_fragment", None)  # set by the results-only refreshes
        return f"{self.index_url}?{params.urlencode()}" if params else self.index_url

    def get_edit_url(self, instance):
        return None  # comments are not edited; the title links to the inspect page

    def get_inspect_url(self, instance):
        # The queryset holds only comments the user may moderate: no per-row check.
        return reverse(self.inspect_url_name, args=(instance.pk,))

    @cached_property
    def may_delete(self):
        return self.user_has_permission("delete")

    def get_list_more_buttons(self, instance):
        buttons = [
            MenuItem(
                _("Inspect"), self.get_inspect_url(instance), icon_name="info-circle", priority=10
            ),
            MenuItem(
                _("History"),
                reverse(self.history_url_name, args=(instance.pk,)),
                icon_name="history",
                priority=20,
            ),
        ]
        if self.may_delete:
            buttons.append(
                MenuItem(
                    _("Delete"),
                    reverse(self.delete_url_name, args=(instance.pk,)),
                    icon_name="bin",
                    priority=30,
                )
            )
        buttons += commenter_buttons(self.request.user, instance, "menu")
        return buttons
