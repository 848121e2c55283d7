"""The wellness blog's own URLs; include them before Wagtail's page-serving catch-all."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .feeds import FEED_TYPES, ArticlesFeed, AuthorFeed, TagFeed, TechniqueFeed

app_name = "blog"

# URL name prefix -> (path, feed class). Each feed is served as /rss/ and /atom/.
FEEDS = {
    "articles": ("feeds/articles/", ArticlesFeed),
    "technique": ("feeds/technique/<str:slug>/", TechniqueFeed),
    "author": ("feeds/author/<str:slug>/", AuthorFeed),
    "tag": ("feeds/tag/<str:slug>/", TagFeed),
}

urlpatterns = [
    path("search/", views.search, name="search"),
    # Wagtail's sitemap: every live, public page of the site, with its last-published date.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    *(
        path(f"{prefix}{format_name}/", feed(feed_type), name=f"{name}-{format_name}")
        for name, (prefix, feed) in FEEDS.items()
        for format_name, feed_type in FEED_TYPES.items()
    ),
]
