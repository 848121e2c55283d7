"""What one request's layers tell each other while a page is served, in one object kept in
its WSGI environ (a Django request's ``META`` is the same dict): the page cache's WSGI front,
middleware and serve hook (blog.pagecache), the route cache, the query string the page used
(blog.core.query) and the reader's session, read once (blog.core.sessions)."""

from dataclasses import dataclass, field

ENVIRON_KEY = "wellness.state"


@dataclass
class ServingState:
    #: The page cache's WSGI front is in front: it stores the response as it finally leaves.
    front: bool = False
    #: The page cache was asked for this URL already (and had nothing): not asked again.
    looked_up: bool = False
    #: The tags' versions before the page read anything: set when it may be shared.
    tag_versions: dict | None = None
    #: How long the page's copy may be kept at most (seconds; None: the cache's timeout).
    timeout: int | None = None
    #: The page is to be stored (the middleware decided; the front stores it if in front).
    store: bool = False
    #: The routes' versions before Wagtail looked for the page: what it finds may be kept.
    route_versions: dict | None = None
    #: What the page took from its query string, as it understood it.
    query: dict = field(default_factory=dict)
    #: The reader's session, once read.
    session: object = None


def state(environ):
    """The request's state; ``environ`` is a WSGI environ or a request's ``META``."""
    try:
        return environ[ENVIRON_KEY]
    except KeyError:
        found = environ[ENVIRON_KEY] = ServingState()
        return found
