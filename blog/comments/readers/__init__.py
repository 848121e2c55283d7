"""Readers' data: their own comments, remembered in their session and theirs to change or
remove for a while (own_comments.py); stopping reply e-mail (subscriptions.py); all their
data as a download, and erasing it (personal_data.py); keeping it no longer than the site
says (retention.py); asking for it by e-mail (data_requests.py); and the pages for all of it
(views.py).

Imports only from this room, moderation (the e-mail they are sent) and the app's base, never
from posting, display or the admin screens, which import it.
"""
