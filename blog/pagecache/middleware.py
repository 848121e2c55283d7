"""The page cache's middleware (an adapter of blog.pagecache.policy): answers anonymous
readers from the page cache before any other work is done, hands Wagtail the route it
remembers, and keeps the pages the serve hook (blog.pagecache.serving) found shareable."""

from django.http import HttpResponse

from blog.core.state import state

from . import policy, query, routes


class AnonymousPageCacheMiddleware:
    """Put it near the top of MIDDLEWARE, after SecurityMiddleware (and WhiteNoise):
    everything below it is skipped on a hit, and everything above it runs on hits and misses
    alike. blog.pagecache.wsgi answers hits earlier still, and then stores what this marks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hit = policy.cached_response(request.META)
        if hit is not None:
            status, headers, body = hit
            return HttpResponse(body, status=status, headers=headers)
        if routes.enabled() and request.method in ("GET", "HEAD"):
            routes.prime(request)
        response = self.get_response(request)
        current = state(request.META)
        if (
            current.tag_versions is not None
            and not response.streaming
            and not response.cookies
            and policy.shareable(response.status_code, response.items())
            and query.is_canonical(request)
        ):
            response[policy.HIT_HEADER] = "miss"
            if current.front:
                # The front stores it, with the headers of middleware above this one.
                current.store = True
            else:
                policy.store(request.META, response.status_code, response.items(), response.content)
        return response
