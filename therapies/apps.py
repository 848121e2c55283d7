from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TherapiesConfig(AppConfig):
    name = "therapies"
    label = "wellness_therapies"
    verbose_name = _("Therapy techniques")
    default_auto_field = "django.db.models.BigAutoField"
