from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "blog.discovery"
    label = "wellness_discovery"
    verbose_name = _("Wellness search, sitemap and API")

    def ready(self):
        from . import checks  # noqa: F401 (registers)
