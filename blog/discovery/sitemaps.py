"""sitemap.xml: Wagtail's sitemap of every live, public page of a site, in parts of
``WELLNESS_SITEMAP_URLS_PER_PART`` pages (1,000, as Yoast SEO writes WordPress sites': each part
quick to build and to fetch, far within the protocol's 50,000 URLs and 50 MB), and the index
of its parts (Django's sitemap index) at the same address once a site has more than one.
robots.txt points search engines there either way."""

from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemaps

from blog.core.conf import wellness_settings

SECTION = "pages"


class PagesSitemap(Sitemap):
    """Wagtail's, with the part size the site sets, and the latest change found in one
    query (Django's would make every page of the site specific to find it)."""

    @property
    def limit(self):
        return wellness_settings.SITEMAP_URLS_PER_PART

    def pages(self):
        site = self.get_wagtail_site()
        return site.root_page.get_descendants(inclusive=True).live().public()

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        changed = Coalesce("last_published_at", "latest_revision_created_at")
        return self.pages().aggregate(latest=Max(changed))["latest"]


def sitemap_xml(request):
    """The sitemap, or the index of its parts where it has more than one."""
    sitemap = PagesSitemap(request)
    if sitemap.paginator.num_pages > 1:
        return wagtail_sitemaps.index(
            request, {SECTION: sitemap}, sitemap_url_name="wellness_discovery:sitemap_part"
        )
    return wagtail_sitemaps.sitemap(request, {SECTION: sitemap})


def sitemap_part(request, section):
    """One part of a sitemap that has several (``?p=2`` and on for the second and on)."""
    return wagtail_sitemaps.sitemap(request, {SECTION: PagesSitemap(request)}, section=section)
