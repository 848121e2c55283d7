"""A cache of the HTML anonymous readers get, dropped exactly when what a page shows changes.

See docs/page-cache.md for the design: entries keyed by URL, carrying the versions of the
tags of what their page shows (a page's ``cache_tags()``, blog.core.pages), and stale as soon
as one of those tags is invalidated. Routes (which page a URL leads to) are remembered too.

- ``policy``: who may get the shared copy, which responses may be kept, under which key,
  and what a hit answers; ``keys`` and ``query``: a URL's key, and the query strings kept.
- ``wsgi`` (the front), ``middleware`` and ``serving`` (Wagtail's serve hook): adapters that
  apply the policy, passing what they learn in the request's ``ServingState``
  (blog.core.state).
- ``routes``: which page a URL leads to.
"""
