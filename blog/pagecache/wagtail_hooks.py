from wagtail import hooks

from .serving import cache_pages

hooks.register("on_serve_page", cache_pages)
