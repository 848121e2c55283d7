"""The demo's URLs plus uploaded media, which config.urls only serves when DEBUG is on."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

media_prefix = settings.MEDIA_URL.lstrip("/")
urlpatterns = [
    re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
