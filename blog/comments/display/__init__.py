"""Showing comments under a page: what a page shows of its discussion (discussion.py), its
threads a page at a time (threads.py), a moderator's look at a comment in its place
(in_context.py), and the structured data of approved comments (structured_data.py). The
shapes the templates take are the base's (blog.comments.rendering).

May import from every room below it (posting, readers' data, moderation, the base); only the
template tags, the admin screens and the app's set-up import it.
"""
