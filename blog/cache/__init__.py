"""A cache of the HTML anonymous readers get, dropped exactly when what a page shows changes.

See docs/page-cache.md for the design: entries keyed by URL, tagged with what they show, and
invalidated by bumping the tags' versions when pages, comments or settings change.
"""
