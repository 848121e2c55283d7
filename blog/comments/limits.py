"""Rate limits: how often one requester may post a comment, ask for their data, or report
comments. One limiter counts them all, each apart (its ``scope``), in fixed windows in
Django's cache (Redis in production: counted across servers).

The limiter refuses nothing itself: the caller asks whether a limit is ``exceeded()``,
raises ``RateLimited`` (or a kind of it) with ``retry_after``, and ``count()``s what it let
through; the view answers 429.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def _email_digest(email):
    """An e-mail address as a cache key holds it: a keyed hash, so that no cache (Redis, a
    dump of it) ever lists readers' addresses, and erasing a reader leaves none behind."""
    if not email:
        return ""
    return salted_hmac("blog.comments.rate", email.strip().lower(), algorithm="sha256").hexdigest()


class RateLimit:
    """Fixed-window counters, one per requester and kind of identity (``limits``: kind ->
    how many per ``window`` seconds; 0 counts nothing). The identities are keyed hashes:
    ``ip`` and ``reporter`` arrive hashed (blog.comments.identity), ``email`` is hashed
    here."""

    def __init__(self, scope, window, **limits):
        self.scope = scope
        self.window = window
        self.limits = limits

    def _keys(self, who):
        keys = {}
        for kind, value in who.items():
            if kind == "email":
                value = _email_digest(value)
            if value and self.limits[kind]:
                keys[kind] = f"blog:comments:rate:{self.scope}:{kind}:{value}"
        return keys

    def exceeded(self, **who):
        """Whether any of ``who``'s identities (``ip=``, ``email=``, ``reporter=``) used up
        its limit in this window."""
        keys = self._keys(who)
        counts = cache.get_many(keys.values())
        return any(counts.get(key, 0) >= self.limits[kind] for kind, key in keys.items())

    def count(self, **who):
        for key in self._keys(who).values():
            # add() starts the window; incr() is atomic on Redis and local memory.
            if not cache.add(key, 1, self.window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.add(key, 1, self.window)

    @property
    def retry_after(self):
        return self.window


def posting(rules):
    """Comments per network address and per e-mail address, as the site's rules say."""
    return RateLimit(
        "post",
        rules.rate_limit_window_minutes * 60,
        ip=rules.rate_limit_per_ip,
        email=rules.rate_limit_per_email,
    )


# Asking for one's data: a reader who lost the e-mail asks again; no one sends an inbox
# hundreds.
DATA_REQUESTS = RateLimit("my-data", 60 * 60, ip=10, email=3)
# Reports from one reader (their network address): enough for any reader, too few to hide a
# page's comments by script.
REPORTS = RateLimit("report", 60 * 60, reporter=10)
