"""The site a request is for, remembered per address.

Wagtail finds it with a query on every request that asks (``Site.find_for_request``); pages
reached through a remembered route are handed theirs (blog.pagecache.routes), and everything
else that reads a site setting (comment posting, say) gets it here, kept until a site, a
site setting or a page at the top of the tree changes (the ``site`` and ``routes`` tags).
"""

from django.conf import settings
from wagtail.models import Site

from . import versioned
from .tags import ROUTES, SITE


def find_for_request(request):
    """``Site.find_for_request(request)``, without its query when the address was seen
    before. The address is the one Django vouches for (``ALLOWED_HOSTS``), so forged ``Host``
    headers are refused rather than remembered."""
    if not hasattr(request, "_wagtail_site"):
        # Wagtail matches the host's name and the port the request came in on.
        key = f"wellness:site:{request.get_host()}:{request.get_port()}"
        site = versioned.remember(key, {SITE, ROUTES}, lambda: Site.find_for_request(request))
        request._wagtail_site = site
    return request._wagtail_site


def absolute_url(path):
    """``path`` as an absolute URL on the site, for what leaves it (e-mail): the site's own
    address, ``WAGTAILADMIN_BASE_URL``, which Wagtail's own e-mail uses too."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path
