"""What was imported from where: the key an outside source gives a thing (a WordPress post's
GUID, a comment's id, an author's login, an attachment's URL, a feed entry's id, a Markdown
file's slug) and the object it became here, so that importing again updates instead of
duplicating."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    source = models.CharField(_("source"), max_length=40)
    key = models.CharField(_("key"), max_length=500)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    # A fingerprint of what was imported, so an unchanged item is left alone.
    digest = models.CharField(_("digest"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("import record")
        verbose_name_plural = _("import records")
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="wellness_transfer_unique_key")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.source}: {self.key}"
