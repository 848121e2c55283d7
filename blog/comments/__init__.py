"""Reader comments under any page type that takes them: posting, the site owner's rules,
moderation in the Wagtail admin, notifications and a reader's own data.

A page type takes comments by implementing the contract in ``blog.comments.pages``.

The app is in rooms, from the bottom up; a module imports only from its own room and the
rooms below it, never above, and no module imports one that imports it back:

1. The base, at the app's root: the models (comments, the site's DiscussionSettings, readers'
   rows), the contract (pages.py), cache tags (invalidation.py), word lists, signed links,
   rate limits (limits.py), refusals (exceptions.py), the client's address (identity.py),
   what the comment templates take (rendering.py) and the page for a link that cannot be
   used (link_problems.py).
2. ``moderation``: who moderates what, e-mail about comments, moderating, reports, replies.
3. ``readers``: a reader's own comments and data.
4. ``posting``: the form, the verdict of the site's rules, taking a comment in, confirming.
5. ``display``: what a page shows of its comments.
6. The top: the admin's screens (``admin``), the template tags, ``urls``, ``wagtail_hooks``,
   ``apps`` and the management command, which may import every room.

Each room's ``__init__`` says what lives there and what it may import.
"""
