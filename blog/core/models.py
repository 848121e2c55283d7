"""The core's models: the health disclaimer every article and technique page ends with, the
cached base for the plugin's site settings, the permission to publish without review, and the
record of pages just created that tells a submit from a racing autosave. The outbox's record
of mail deliveries lives in its own room (blog.core.outbox.models)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtailmarkdown.fields import MarkdownField

from . import sites
from .outbox.models import MailDelivery
from .versioned import backend

__all__ = [
    "CachedSiteSetting",
    "HealthDisclaimer",
    "MailDelivery",
    "PageCreation",
    "WellnessPermissions",
]


class CachedSiteSetting(BaseSiteSetting):
    """A site setting kept in the cache between requests, so pages that show it do not
    query for it, or for the site, each time. Saving or deleting it drops the cached copy."""

    class Meta:
        abstract = True

    @classmethod
    def _cache_key(cls, site_id):
        return f"wellness:setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_request(cls, request):
        sites.find_for_request(request)  # remembered too: then reading a setting costs nothing
        return super().for_request(request)

    @classmethod
    def for_site(cls, site):
        key = cls._cache_key(site.pk)
        setting = backend().get(key)
        if setting is None:
            setting = super().for_site(site)
            backend().set(key, setting, None)
        return setting

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        backend().delete(self._cache_key(self.site_id))

    def delete(self, *args, **kwargs):
        backend().delete(self._cache_key(self.site_id))
        return super().delete(*args, **kwargs)


@register_setting(icon="warning")
class HealthDisclaimer(CachedSiteSetting):
    """The site-wide health disclaimer: one per site, edited under Settings in the admin."""

    text = MarkdownField(
        _("text"),
        blank=True,
        help_text=_(
            "Shown at the end of every article and technique page, in Markdown. "
            "Leave blank to show none."
        ),
    )

    panels = [FieldPanel("text")]

    class Meta:
        verbose_name = _("health disclaimer")
        verbose_name_plural = _("health disclaimers")

    def __str__(self):
        return str(_("Health disclaimer for %(site)s") % {"site": self.site})


class WellnessPermissions(models.Model):
    """Holds permissions that belong to no one model, as Wagtail's own ``Admin`` model does:
    no table is made for it."""

    class Meta:
        managed = False
        default_permissions = []
        permissions = [
            ("publish_without_review", _("Can publish wellness pages without workflow review"))
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class PageCreation(models.Model):
    """A wellness page created in the admin in the last hour, and whether the editor's
    autosave made it or the editor's own button. With it the create view tells a submit
    that races Wagtail 8's autosave of the same new page from a second new page
    (blog.core.creation)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    by_autosave = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("page creation")
        verbose_name_plural = _("page creations")

    def __str__(self):
        how = "autosave" if self.by_autosave else "editor"
        return f"page {self.page_id} by {how} at {self.created_at:%Y-%m-%d %H:%M:%S}"
