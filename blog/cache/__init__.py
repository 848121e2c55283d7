"""A cache of the HTML anonymous readers get, dropped exactly when what a page shows changes.

See docs/page-cache.md for the design: entries keyed by URL, tagged with what they show, and
invalidated by bumping the tags' versions when pages, comments or settings change.
"""

# Tags for what many pages show (blog.cache.tags says which pages show what).
SITE = "site"  # menus, settings, privacy: anything that can appear on every page
ARTICLES = "articles"
TECHNIQUES = "techniques"
AUTHORS = "authors"
COMMENT_COUNTS = "comment-counts"
