"""Site search, sitemap.xml, robots.txt and the API: include them before Wagtail's
page-serving catch-all, at the site's root (``path("", include("blog.discovery.urls"))``)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views

app_name = "wellness_discovery"

urlpatterns = [
    path("search/", views.search, name="search"),
    # Wagtail's sitemap: every live, public page of the site, with its last-published date.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
