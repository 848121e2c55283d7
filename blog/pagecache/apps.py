from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "blog.pagecache"
    label = "wellness_pagecache"
    verbose_name = _("Wellness page cache")

    def ready(self):
        from . import routes

        routes.connect()
