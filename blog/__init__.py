"""wagtail-wellness: a Wagtail plugin that turns a Wagtail site into a wellness blog.

This package is the blog app (articles, blog indexes, author profiles); beside it, each an
app of its own: ``blog.core`` (what every wellness page shares), ``blog.comments`` (reader
comments and their moderation), ``blog.pagecache`` (the anonymous page cache) and
``blog.discovery`` (site search, sitemap, robots.txt and the API). ``therapies`` holds the
technique pages. docs/architecture.md shows how they fit."""
