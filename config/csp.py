"""The Content-Security-Policy header, for Django 5.2, which has none of its own.

It reads Django 6.0's settings, ``SECURE_CSP`` and ``SECURE_CSP_REPORT_ONLY`` (a dict of
directive → list of sources), so moving to Django 6.0 means naming its middleware instead
(``django.middleware.csp.ContentSecurityPolicyMiddleware``) and keeping the settings. One
addition: ``SECURE_CSP_ADMIN``, directives that replace the policy's under the Wagtail admin's
URL only (its widgets still write inline scripts), so that public pages, where readers' words
are shown, keep the strict policy.

No nonces: the page cache (blog.pagecache) hands every reader the same stored page, headers
included, so the policy is the same for every response of a URL.
"""

from django.conf import settings
from django.urls import reverse

HEADERS = {
    "SECURE_CSP": "Content-Security-Policy",
    "SECURE_CSP_REPORT_ONLY": "Content-Security-Policy-Report-Only",
}


def policy_header(policy):
    """``{"default-src": ["'self'"], ...}`` as a header value: ``default-src 'self'; ...``."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Put it above the page cache's middleware, so that the pages it answers carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith(reverse("wagtailadmin_home"))
        for setting, header in HEADERS.items():
            policy = getattr(settings, setting, None)
            if not policy or header in response:
                continue
            if in_admin:
                policy = {**policy, **getattr(settings, "SECURE_CSP_ADMIN", {})}
            response[header] = policy_header(policy)
        return response
