from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "blog.review"
    label = "wellness_review"
    verbose_name = _("Clinical review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import reminders  # noqa: F401 (registers its notice, for the task worker)
