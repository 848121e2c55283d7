"""sitemap.xml: Wagtail's sitemap of every live, public page of a site, in parts of
``WELLNESS_SITEMAP_URLS_PER_PART`` pages (1,000, as Yoast SEO writes WordPress sites': each part
quick to build and to fetch, far within the protocol's 50,000 URLs and 50 MB), and the index
of its parts (Django's sitemap index) at the same address once a site has more than one.
robots.txt points search engines there either way."""

from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Window
from django.db.models.functions import Coalesce, Mod, RowNumber
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemaps

from blog.core import versioned
from blog.core.conf import wellness_settings
from blog.core.tags import ROUTES, SITE

SECTION = "pages"


class PartPaginator(Paginator):
    """Django's paginator over the sitemap's pages, but a part is found by the range of paths
    it covers, from its first page's to the next part's, not by skipping the parts before it
    (``OFFSET``): the last part of a large site costs what the first does. Parts and pages
    are the same as Django's paginator makes, in the same order."""

    def __init__(self, pages, per_page, starts, count):
        super().__init__(pages, per_page)
        self.starts = starts
        self.count = count  # in place of Django's, which counts the pages each time

    def page(self, number):
        number = self.validate_number(number)
        starts = self.starts
        if not starts:  # a site with nothing to list: its one part is empty
            return self._get_page(self.object_list.none(), number, self)
        pages = self.object_list.filter(path__gte=starts[number - 1])
        if number < len(starts):
            pages = pages.filter(path__lt=starts[number])
        return self._get_page(pages[: self.per_page], number, self)


class PagesSitemap(Sitemap):
    """Wagtail's, with the part size the site sets, the latest change found in one query
    (Django's would make every page of the site specific to find it), and parts found by
    their paths (``PartPaginator``)."""

    @property
    def limit(self):
        return wellness_settings.SITEMAP_URLS_PER_PART

    def pages(self):
        site = self.get_wagtail_site()
        return site.root_page.get_descendants(inclusive=True).live().public()

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    @cached_property
    def paginator(self):
        starts, count = self.parts()
        return PartPaginator(self.items(), self.limit, starts, count)

    def parts(self):
        """Where each part starts (the path of its first page), and how many pages there are
        in all: one query over the pages' paths, kept until a page is published, unpublished,
        moved or deleted (``ROUTES``), or the site or its privacy settings change (``SITE``)."""
        site = self.get_wagtail_site()
        key = f"wellness:sitemap:{site.pk}:{self.limit}:parts"
        return versioned.remember(key, {ROUTES, SITE}, self._find_parts)

    def _find_parts(self):
        numbered = self.pages().annotate(
            position=Window(RowNumber(), order_by="path"), total=Window(Count("pk"))
        )
        firsts = numbered.annotate(into_part=Mod(F("position") - 1, self.limit)).filter(into_part=0)
        rows = list(firsts.order_by("path").values_list("path", "total"))
        return [path for path, _ in rows], rows[0][1] if rows else 0

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
