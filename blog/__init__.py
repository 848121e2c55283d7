"""wagtail-wellness: a Wagtail plugin that turns a Wagtail site into a wellness blog.

This package is the blog app (articles, blog indexes, author profiles); beside it, each an
app of its own: ``blog.core`` (what every wellness page shares), ``blog.pagecache`` (the
anonymous page cache), ``blog.comments`` (reader comments and their moderation),
``blog.discovery`` (site search, sitemap, robots.txt and the API), ``blog.transfer`` (moving
a blog in and out: WordPress, feeds, Markdown) and ``blog.review`` (clinical review: due
dates, reminders, the workflow task). ``therapies`` holds the technique pages.
docs/architecture.md shows how they fit."""
