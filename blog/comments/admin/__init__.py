"""Moderating reader comments in the Wagtail admin.

The pieces are registered in ``blog/comments/wagtail_hooks.py``: the listing (a snippet viewset),
the one-comment moderation view, the bulk actions, the menu item and the dashboard panel.
"""
