"""The site-wide health disclaimer: one per site, edited under Settings in the admin."""

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtailmarkdown.fields import MarkdownField

from .cached_setting import CachedSiteSetting


@register_setting(icon="warning")
class HealthDisclaimer(CachedSiteSetting):
    text = MarkdownField(
        blank=True,
        help_text="Shown at the end of every article and technique page, in Markdown. "
        "Leave blank to show none.",
    )

    panels = [FieldPanel("text")]

    class Meta:
        verbose_name = "health disclaimer"

    def __str__(self):
        return f"Health disclaimer for {self.site}"
