"""What changes which tags: pages published, unpublished, moved or deleted; site settings,
images, sites and privacy saved. (Comments touch their own tags: blog.comments.)"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tags, versioned, warming

PAGE_SIGNALS = (page_published, page_unpublished, post_page_move)


def page_changed(sender, instance, **kwargs):
    versioned.invalidate(*tags.touched_by_page(instance.specific_class, instance.pk))


def warm_published(sender, instance, **kwargs):
    warming.warm_after_commit({instance.pk})


def site_changed(sender, **kwargs):
    """Something every page may show changed: a site setting, an image, a site or privacy."""
    versioned.invalidate(tags.SITE)


def connect_page_changes(receiver, uid):
    """Call ``receiver`` whenever a page is published, unpublished, moved or deleted."""
    for signal in PAGE_SIGNALS:
        signal.connect(receiver, dispatch_uid=f"{uid}-{id(signal)}")
    # Deleting a page deletes its descendants through the base Page model.
    post_delete.connect(receiver, sender=Page, dispatch_uid=f"{uid}-delete")


def connect_site_changes(receiver, uid):
    """Call ``receiver`` whenever something every page may show is saved or deleted: every
    site setting (the plugin's and the host's), images, sites and view restrictions."""
    settings_models = [m for m in apps.get_models() if issubclass(m, BaseSiteSetting)]
    for model in (*settings_models, get_image_model(), Site, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"{uid}-{id(signal)}-{model}")


def connect():
    connect_page_changes(page_changed, "wellness-pages")
    page_published.connect(warm_published, dispatch_uid="wellness-warm")
    connect_site_changes(site_changed, "wellness-site")
