from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WellnessCoreConfig(AppConfig):
    name = "blog.core"
    label = "wellness_core"
    verbose_name = _("Wellness pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, invalidation, signal_handlers  # noqa: F401 (checks registers)

        invalidation.connect()
        signal_handlers.connect()
