from wagtail.models import Orderable


class OrderedLink(Orderable):
    """An Orderable whose order is total: rows created without a ``sort_order`` (by code
    rather than the editor's inline panel) keep the order they were added in on every
    database, instead of whatever order PostgreSQL happens to return ties in."""

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]
