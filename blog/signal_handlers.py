from django.apps import apps
from django.db.models.signals import post_save

from .cache import invalidation
from .permissions import grant_section_permissions

SECTION_MODELS = ("blog.BlogIndexPage", "blog.AuthorIndexPage", "therapies.TechniqueIndexPage")


def section_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_permissions(instance)


def register():
    invalidation.connect()
    for label in SECTION_MODELS:
        post_save.connect(
            section_created, sender=apps.get_model(label), dispatch_uid=f"sections-{label}"
        )
