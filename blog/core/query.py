"""What a page took from its query string (``?page=2``, ``?tag=sleep``), as it understood it.

The page cache stores a copy of a page only when its query holds exactly these
(blog.pagecache.query), so a query a page does not use cannot fill the cache."""


def use(request, name, value):
    """Note that the page shown for ``request`` used ``?name=`` and took it to mean ``value``."""
    if not hasattr(request, "wellness_query"):
        request.wellness_query = {}
    request.wellness_query[name] = str(value)


def used(request):
    """``{name: value}`` of what the page used."""
    return getattr(request, "wellness_query", {})
