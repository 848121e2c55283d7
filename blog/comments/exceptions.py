"""What the comments app refuses, as one small family: every refusal is a ``Refused``, and
a view catches the kind it can explain (a 403 for ``NotYours``, a 429 for ``RateLimited``
...). A bad link from our e-mail is not a refusal but a ``signed_links.LinkError``."""


class Refused(Exception):
    """A request the app turns down; nothing was changed."""


class RateLimited(Refused):
    """Too many requests of one kind lately (blog.comments.limits); the requester may try
    again after ``retry_after`` seconds."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class TooManyReports(RateLimited):
    """A reader reported many comments lately."""


class NotYours(Refused):
    """Nothing shows the comment is the requester's."""


class TooLate(Refused):
    """The site's edit window for this comment has closed (or it cannot change any more)."""


class CannotReply(Refused):
    """The comment cannot be answered (it is not published); the message says why."""
