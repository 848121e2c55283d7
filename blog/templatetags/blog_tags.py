from django import template
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..images import RENDITION_SETS
from ..markdown import render_section_markdown
from ..models import HealthDisclaimer

register = template.Library()


@register.simple_tag
def responsive_image(image, set_name, alt="", sizes=None, **attrs):
    """An <img> with srcset from one of the named rendition sets in blog.images.

    Uses the renditions a listing prefetched, so a page of cards costs no extra queries.
    """
    if not image:
        return ""
    rendition_set = RENDITION_SETS[set_name]
    renditions = get_renditions_or_not_found(image, rendition_set.specs)
    attrs = {"alt": alt, "sizes": sizes or rendition_set.sizes, "decoding": "async", **attrs}
    return ResponsiveImage(renditions, attrs)


@register.filter
def section_markdown(text, top_level=2):
    """Sanitised Markdown whose headings start at ``top_level`` and carry ids."""
    return render_section_markdown(text, int(top_level))


@register.inclusion_tag("blog/includes/health_disclaimer.html", takes_context=True)
def health_disclaimer(context):
    """The site's health disclaimer (Settings → Health disclaimer in the admin), if it has one.
    Wagtail caches the setting on the request, so a page may show it more than once."""
    request = context.get("request")
    try:
        return {"text": HealthDisclaimer.for_request(request).text}
    except HealthDisclaimer.DoesNotExist:  # a request outside any Wagtail site
        return {"text": ""}
