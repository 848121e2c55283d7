"""The plugin's settings: every ``WELLNESS_*`` setting, with its default, in one place.

Each is read from Django's settings the first time it is asked for, never at import time, and
kept: the page cache's hot path asks for several on every hit, and Django's lazy settings cost
a function call each (an exception and its handling for a setting the site leaves out). A
``setting_changed`` signal forgets the one that changed, so ``override_settings`` and per-test
``settings`` fixtures change them as expected::

    from blog.core.conf import wellness_settings

    if wellness_settings.PAGE_CACHE: ...
"""

from django.conf import settings
from django.core.signals import setting_changed

DEFAULTS = {
    # Which of CACHES holds what the plugin keeps (pages, listings, related articles), and
    # for how long at most (seconds); everything is dropped sooner when what it shows changes.
    "CACHE_ALIAS": "default",
    "CACHE_TIMEOUT": 600,
    # The anonymous page cache (docs/page-cache.md), and how long a CDN may keep a page
    # without asking again (0 unless the site purges its CDN on publishing).
    "PAGE_CACHE": True,
    "CDN_MAX_AGE": 0,
    # Keeps the parts of a page every reader sees rendered (blog.core.fragments), for the
    # pages built for one request: editors, readers with something of their own on the page.
    "FRAGMENT_CACHE": True,
    # After a publish or an approval, the server asks for the changed pages itself, so
    # their first reader is served from the cache too (blog.core.warming).
    "WARM_AFTER_CHANGES": True,
    # Keys a host site keeps in readers' sessions that change no page: a reader whose session
    # holds only these (and the plugin's own) still gets the cached pages (blog.core.sessions).
    # Django's CSRF token, when CSRF_USE_SESSIONS keeps it there, is one.
    "SHARED_SESSION_KEYS": ("_csrftoken",),
    # Remembers which page each URL leads to, sparing Wagtail's walk down the page tree.
    "ROUTE_CACHE": True,
    # The proxies in front of the site, whose X-Forwarded-For entries are believed: how many
    # there are (0: none, REMOTE_ADDR is the client), or the networks they are in, as a list
    # of CIDR strings ("127.0.0.1/32", "10.0.0.0/8"). docs/security.md explains.
    "TRUSTED_PROXIES": 0,
    # How long a reader's browser is remembered as the writer of their comments (seconds):
    # the signed "known commenter" cookie that auto-approval trusts.
    "COMMENTER_COOKIE_AGE": 365 * 24 * 3600,
    "COMMENTER_COOKIE_NAME": "wellness_commenter",
    # How many pages each part of a site's sitemap lists; past that, sitemap.xml is an index
    # of parts (blog.discovery.sitemaps).
    "SITEMAP_URLS_PER_PART": 1000,
}


class WellnessSettings:
    prefix = "WELLNESS_"

    def __getattr__(self, name):
        # Called only for a setting not read yet: once read, it is an attribute of its own.
        if name not in DEFAULTS:
            raise AttributeError(f"{self.prefix}{name} is not a wellness setting")
        value = self.__dict__[name] = getattr(settings, self.prefix + name, DEFAULTS[name])
        return value

    def forget(self, *, setting, **kwargs):
        if setting.startswith(self.prefix):
            self.__dict__.pop(setting.removeprefix(self.prefix), None)


wellness_settings = WellnessSettings()
setting_changed.connect(wellness_settings.forget, dispatch_uid="wellness-settings")
