"""Moderating reader comments in the Wagtail admin.

The pieces are registered in ``blog/comments/wagtail_hooks.py``: the listing (a snippet viewset),
the one-comment moderation view, the bulk actions, the menu item and the dashboard panel.

The app's top room: it may import every room below (blog.comments lists them), and only
``wagtail_hooks`` imports it. Who may moderate what, and these screens' URL names, are not
here but in blog.comments.moderation.permissions, for code outside the admin.
"""
