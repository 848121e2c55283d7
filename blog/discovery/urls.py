"""Site search, sitemap.xml, robots.txt and the API: include them before Wagtail's
page-serving catch-all, at the site's root (``path("", include("blog.discovery.urls"))``)."""

from django.urls import path

from . import sitemaps, views

app_name = "wellness_discovery"

urlpatterns = [
    path("search/", views.search, name="search"),
    # Every live, public page of the site, with its last change; an index of parts on a large
    # site (blog.discovery.sitemaps).
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_part, name="sitemap_part"),
    path("robots.txt", views.robots_txt, name="robots"),
]
