"""Moderation: who moderates (moderators.py) and may moderate which comments, and the names
of the admin's moderation URLs (permissions.py); e-mail about comments and who is told of
what (notifications.py); approving, rejecting, marking as spam and deleting, with an audit
trail (moderate.py); readers' reports (reports.py, and their view in views.py); authors and
moderators answering readers (replies.py).

Imports only from this room and the app's base (models, pages, invalidation, signed_links,
limits, exceptions, identity), never from readers' data, posting, display or the admin
screens (blog.comments.admin), which import it.
"""
