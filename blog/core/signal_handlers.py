from django.apps import apps
from django.db.models.signals import post_save

from .pages import WellnessIndexPage
from .permissions import grant_section_permissions


def section_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_permissions(instance)


def connect():
    """Therapists may work in each wellness section (blog, techniques, authors) as soon as
    it is created, whichever app it comes from."""
    for model in apps.get_models():
        if issubclass(model, WellnessIndexPage):
            post_save.connect(section_created, sender=model, dispatch_uid=f"section-{model}")
