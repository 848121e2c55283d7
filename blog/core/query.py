"""What a page took from its query string (``?page=2``, ``?tag=sleep``), as it understood it.

The page cache stores a copy of a page only when its query holds exactly these
(blog.pagecache.query), so a query a page does not use cannot fill the cache."""

from .state import state


def use(request, name, value):
    """Note that the page shown for ``request`` used ``?name=`` and took it to mean ``value``."""
    state(request.META).query[name] = str(value)


def used(request):
    """``{name: value}`` of what the page used."""
    return state(request.META).query
