from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from . import versioned
from .tags import SITE


class WellnessPageQuerySet(PageQuerySet):
    """Page querysets of the wellness page types."""

    def public(self):
        """Pages that no view restriction covers, as Wagtail's ``public()``, which loads
        every restriction first to build its filter: here their paths are kept in the cache
        until a restriction (or site) changes, so listings do not ask each time. (Asking in
        the query itself instead, with a subquery per page, is quadratic on SQLite.)"""
        paths = versioned.remember(
            "wellness:restricted-paths",
            {SITE},
            lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )
        covered = Q()
        for path in paths:  # a restriction covers its page and everything below
            covered |= Q(path__startswith=path)
        return self.exclude(covered) if paths else self

    def in_order(self, ids):
        """The pages with these ids, in the order given (ids of pages no longer in this
        queryset are skipped): for lists worked out once and kept in the cache as ids."""
        found = {page.pk: page for page in self.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]
