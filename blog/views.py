"""The blog's few non-page views; pages themselves are served by Wagtail."""

from django.shortcuts import render
from django.urls import reverse


def robots_txt(request):
    """Crawlers may go anywhere but the admin, and are pointed at the sitemap."""
    context = {
        "disallow": [reverse("wagtailadmin_home")],
        "sitemap_url": request.build_absolute_uri(reverse("blog:sitemap")),
    }
    return render(request, "blog/robots.txt", context, content_type="text/plain")
