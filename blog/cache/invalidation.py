"""Drop cached pages when what they show changes: pages published, unpublished, moved or
deleted; comments moderated; site settings or images saved."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..models import DiscussionSettings, HealthDisclaimer
from . import routes, store, tags


def page_changed(sender, instance, **kwargs):
    store.invalidate(routes.ROUTES, *tags.touched_by_page(instance.specific_class, instance.pk))


def comments_changed(article_ids):
    if article_ids:
        store.invalidate(*tags.touched_by_comments(article_ids))


def site_changed(sender, **kwargs):
    store.invalidate(tags.SITE)


def sites_changed(sender, **kwargs):
    """A site, or a page's privacy, changed: any page may now look different or be private."""
    store.invalidate(tags.SITE, routes.ROUTES)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"wellness-cache-{id(signal)}")
    # Deleting a page deletes its descendants through the base Page model.
    post_delete.connect(page_changed, sender=Page, dispatch_uid="wellness-cache-page-delete")
    for model in (DiscussionSettings, HealthDisclaimer, get_image_model()):
        post_save.connect(site_changed, sender=model, dispatch_uid=f"wellness-cache-{model}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"wellness-cache-d-{model}")
    for model in (Site, PageViewRestriction):
        post_save.connect(sites_changed, sender=model, dispatch_uid=f"wellness-cache-{model}")
        post_delete.connect(sites_changed, sender=model, dispatch_uid=f"wellness-cache-d-{model}")
