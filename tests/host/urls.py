from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from blog.discovery.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comments/", include("blog.comments.urls")),
    path("api/v2/", api_router.urls),
    path("", include("blog.discovery.urls")),
    path("", include(wagtail_urls)),
]
