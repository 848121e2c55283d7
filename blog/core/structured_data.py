"""schema.org structured data (JSON-LD) for search engines, built as plain dicts.

The template tag ``json_ld`` serialises them with json.dumps and escapes <, > and &, so
nothing an editor types can end the <script> element or break the JSON. Pages hand over
what they already loaded for display, so structured data costs no extra queries.
"""

from django.conf import settings
from wagtail.models import Site

from .images import largest_rendition
from .metadata import live_ancestors

SCHEMA_ORG = "https://schema.org"


def absolute_image_url(image, set_name, request):
    return request.build_absolute_uri(largest_rendition(image, set_name).url)


def site_name(site):
    """The site's name, or the admin's when the site has none (as Wagtail's default site)."""
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def publisher(request):
    site = Site.find_for_request(request)
    return {"@type": "Organization", "name": site_name(site), "url": f"{site.root_url}/"}


def citation(reference):
    data = {"@type": "CreativeWork", "name": reference.citation}
    if reference.link:
        data["url"] = reference.link
    return data


def breadcrumb_list(page, request):
    """The trail from the site's home page down to ``page``, from one query for the
    ancestors; None for a page without a URL (as when a new page is first previewed)."""
    url = page.get_full_url(request)
    if url is None:
        return None
    ancestors = live_ancestors(page, request)
    # Pages above the site's root page have no URL on the site, so no place in the trail.
    crumbs = [(crumb.title, crumb.get_full_url(request)) for crumb in ancestors]
    crumbs = [(name, link) for name, link in crumbs if link] + [(page.title, url)]
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": link}
            for position, (name, link) in enumerate(crumbs, start=1)
        ],
    }
