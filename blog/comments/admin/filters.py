"""Filtering and searching the comment listing."""

import django_filters
from django import forms
from django.db.models import Q
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminPageChooser

from ...converters import parse_id
from ...models import ArticlePage
from ...models.comments import ReaderComment
from .access import moderatable

SEARCH_FIELDS = ["body", "name", "email"]


def commented_articles(request):
    """Articles with comments the user may moderate, for the article filter's choices."""
    if request is None:
        return ArticlePage.objects.none()
    return ArticlePage.objects.filter(pk__in=moderatable(request.user).values("article")).order_by(
        "title"
    )


class ArticleChoiceField(forms.ModelChoiceField):
    """Refuses what cannot be an id before asking the database (which overflows on some)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ArticleChooser(AdminPageChooser):
    """Wagtail's page chooser renders again whatever value the filter was sent, looking it up
    first: only look up what can be an id."""

    def get_instance(self, value):
        if isinstance(value, str | int) and parse_id(value) is None:
            return None
        return super().get_instance(value)


class ArticleChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ArticleChoiceField


class ReaderCommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ReaderComment.Status.choices, widget=forms.RadioSelect, empty_label="All"
    )
    # A page chooser, not a <select>: a site with thousands of commented articles would
    # otherwise render (and the moderator scroll) thousands of options on every page.
    article = ArticleChoiceFilter(
        queryset=commented_articles, widget=ArticleChooser(target_models=[ArticlePage])
    )
    created_at = django_filters.DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)

    class Meta:
        model = ReaderComment
        fields = ["status", "article", "created_at"]


def search(queryset, query):
    """What the listing's search box does, for "select all" in bulk actions."""
    if not query:
        return queryset
    condition = Q()
    for field in SEARCH_FIELDS:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def listing_queryset(request):
    """The comments the listing shows for this request's filters and search."""
    queryset = moderatable(request.user)
    filters = ReaderCommentFilterSet(request.GET, queryset=queryset, request=request)
    if not filters.is_valid():  # never widen a bulk action to everything on a bad filter
        return queryset.none()
    return search(filters.qs, request.GET.get("q", "").strip())
