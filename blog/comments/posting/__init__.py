"""Posting a comment: the form (form.py), the verdict of the site owner's rules on it
(verdict.py; "rules" is the site's DiscussionSettings), taking it in (submission.py), the
signed "known commenter" cookie that auto-approval trusts (known_commenter.py; not the
Commenter model), confirming a new commenter's address (confirmation.py), and the views
(views.py).

Imports only from this room, readers' data, moderation and the app's base, never from
display or the admin screens, which import it.
"""
