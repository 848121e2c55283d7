from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    label = "wellness_blog"
    verbose_name = _("Wellness blog")
    default_auto_field = "django.db.models.BigAutoField"
