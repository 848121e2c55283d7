from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


class WellnessPageQuerySet(PageQuerySet):
    """Page querysets of the wellness page types."""

    def public(self):
        """Pages that no view restriction covers. Wagtail's own ``public()`` first loads
        every restriction to build its filter; this asks the same in the query itself
        (a restriction on a page covers the pages whose path starts with its path)."""
        covering = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.exclude(Exists(covering))
