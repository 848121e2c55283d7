"""Filtering and searching the comment listing."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from blog.core.converters import parse_id

from ..models import CommentReport, ReaderComment
from ..moderation.permissions import moderatable
from ..pages import commentable_models

SEARCH_FIELDS = ["body", "name", "email"]


def commented_pages(request):
    """Pages with comments the user may moderate, for the page filter's choices."""
    if request is None:
        return Page.objects.none()
    return Page.objects.filter(pk__in=moderatable(request.user).values("page")).order_by("title")


class PageChoiceField(forms.ModelChoiceField):
    """Refuses what cannot be an id before asking the database (which overflows on some)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class CommentedPageChooser(AdminPageChooser):
    """Wagtail's page chooser renders again whatever value the filter was sent, looking it up
    first: only look up what can be an id."""

    def get_instance(self, value):
        if isinstance(value, str | int) and parse_id(value) is None:
            return None
        return super().get_instance(value)


class PageChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


def queue_filters(query):
    """The listing's filters from its query string: the queue opens on what awaits a
    decision, and "status=" (empty) asks for all comments."""
    if "status" in query:
        return query
    data = query.copy()
    data["status"] = ReaderComment.Status.PENDING
    return data


class ReaderCommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ReaderComment.Status.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
        method="filter_status",
        initial=ReaderComment.Status.PENDING,
    )
    reported = django_filters.BooleanFilter(
        label=_("Reported by readers"),
        method="filter_reported",
        widget=forms.CheckboxInput,
        initial=False,  # unticked is no filter, not one to show as active
    )
    # A page chooser, not a <select>: a site with thousands of commented articles would
    # otherwise render (and the moderator scroll) thousands of options on every page.
    page = PageChoiceFilter(
        label=_("Page"),
        queryset=commented_pages,
        widget=CommentedPageChooser(target_models=commentable_models()),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ReaderComment
        fields = ["status", "reported", "page", "created_at"]

    def filter_status(self, queryset, name, value):
        """Pending means waiting for a decision: writers' edits of approved comments too."""
        if value == ReaderComment.Status.PENDING:
            return queryset.awaiting_moderation()
        return queryset.filter(status=value)

    def filter_reported(self, queryset, name, value):
        if not value:
            return queryset
        reported = CommentReport.objects.filter(resolved_at=None).values("comment")
        return queryset.filter(pk__in=reported)


def search(queryset, query):
    """What the listing's search box does, for the listing and for "select all" in bulk
    actions: an address finds the comments written from it (a commenter's history, from the
    address's index: searching every comment's text for it reads the whole table); anything
    else, the comments whose text, name or address contains it."""
    if not query:
        return queryset
    try:
        validate_email(query)
    except ValidationError:
        pass
    else:
        return queryset.written_by(query)
    condition = Q()
    for field in SEARCH_FIELDS:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def listing_queryset(request):
    """The comments the listing shows for this request's filters and search."""
    queryset = moderatable(request.user)
    filters = ReaderCommentFilterSet(queue_filters(request.GET), queryset=queryset, request=request)
    # The listing's own search form: a query it refuses (a NUL byte, which PostgreSQL cannot
    # compare) selects nothing, as a bad filter does, rather than everything.
    search_form = SearchForm(request.GET)
    if not (filters.is_valid() and search_form.is_valid()):
        return queryset.none()
    return search(filters.qs, search_form.cleaned_data["q"])
