"""Abstract models for the rows that link pages to other things, in an editor's order."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable


class OrderedLink(Orderable):
    """An Orderable whose order is total: rows created without a ``sort_order`` (by code
    rather than the editor's inline panel) keep the order they were added in on every
    database, instead of whatever order PostgreSQL happens to return ties in."""

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


class Reference(models.Model):
    """A citation with an optional link; techniques and articles both cite their sources."""

    citation = models.TextField(
        _("citation"),
        max_length=500,
        help_text=_("Authors, year, title and where it was published."),
    )
    url = models.URLField(_("URL"), blank=True, max_length=500)
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        help_text=_('For example "10.1002/14651858.CD001929".'),
    )

    panels = [FieldPanel("citation"), FieldPanel("url"), FieldPanel("doi")]
    api_fields = [APIField("citation"), APIField("url"), APIField("doi"), APIField("link")]

    class Meta:
        abstract = True
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return self.citation

    def clean(self):
        super().clean()
        self.doi = self.doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
        if self.doi and not self.doi.startswith("10."):
            raise ValidationError({"doi": _('A DOI starts with "10.", e.g. 10.1037/0033-2909.')})

    @property
    def link(self):
        """Where a reader can check the source: the DOI resolver first, as it outlives URLs."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url
