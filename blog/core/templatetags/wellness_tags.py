"""The template tags every wellness page uses: ``{% load wellness_tags %}``."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Site

from .. import fragments
from ..images import RENDITION_SETS, largest_rendition
from ..markdown import render_section_markdown
from ..models import HealthDisclaimer
from ..structured_data import breadcrumb_list, site_name

register = template.Library()

# What Django's json_script escapes, so JSON can sit inside a <script> element whatever it holds.
SCRIPT_SAFE_JSON = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.simple_tag
def responsive_image(image, set_name, alt="", sizes=None, **attrs):
    """An <img> with srcset from one of the named rendition sets in blog.core.images.

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


@register.inclusion_tag("wellness_core/includes/health_disclaimer.html", takes_context=True)
def health_disclaimer(context):
    """The site's health disclaimer (Settings → Health disclaimer in the admin), if it has one.
    Kept in the cache between requests: no query once read."""
    request = context.get("request")
    try:
        return {"text": HealthDisclaimer.for_request(request).text}
    except HealthDisclaimer.DoesNotExist:  # a request outside any Wagtail site
        return {"text": ""}


@register.inclusion_tag("wellness_core/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """The page's description, canonical URL and link-preview (Open Graph, Twitter) tags."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return {}
    image = getattr(page, "meta_image", None)
    rendition = largest_rendition(image, "social") if image else None
    return {
        "page": page,
        "site_name": site_name(Site.find_for_request(request)),
        "title": page.seo_title or page.title,
        "description": getattr(page, "meta_description", page.search_description),
        "url": page.get_full_url(request),
        "type": getattr(page, "open_graph_type", "website"),
        "image": rendition,
        "image_url": request.build_absolute_uri(rendition.url) if rendition else "",
        "image_alt": getattr(page, "meta_image_alt", ""),
        "tags": context.get("article_tags", ()),
    }


@register.simple_tag(takes_context=True)
def json_ld(context):
    """<script type="application/ld+json"> elements: the page's breadcrumb trail, then what
    its get_context() put in ``structured_data``."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    items = [breadcrumb_list(page, request), *context.get("structured_data", ())]
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((script_safe_json(item),) for item in items if item),
    )


def script_safe_json(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_SAFE_JSON))  # noqa: S308 (<, > and & are escaped)


@register.tag
def fragment(parser, token):
    """``{% fragment "name" [vary ...] [uses_query] %}…{% endfragment %}``: the enclosed part
    of the page, kept rendered until what the page shows changes (blog.core.fragments). Only
    for what every reader of the page sees: nothing of the requester's own. A part that reads
    the query string (a listing's filters and pages) says ``uses_query``: it is kept for the
    plain URL only, so no query string can fill the cache with copies."""
    bits = token.split_contents()[1:]
    uses_query = bool(bits) and bits[-1] == "uses_query"
    if uses_query:
        bits.pop()
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits], uses_query)


class FragmentNode(template.Node):
    def __init__(self, nodelist, arguments, uses_query):
        self.nodelist = nodelist
        self.arguments = arguments
        self.uses_query = uses_query

    def render(self, context):
        request = context.get("request")
        if self.uses_query and request is not None and request.GET:
            return self.nodelist.render(context)
        name, *vary = (argument.resolve(context) for argument in self.arguments)
        return fragments.render(
            request, context.get("page"), name, lambda: self.nodelist.render(context), vary
        )
