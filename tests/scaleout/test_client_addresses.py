"""Behind the documented nginx, against real gunicorn with the production settings: readers are
told apart by their own address, whichever server answers, whatever headers they send."""

import itertools

import pytest
from wagtail.models import Site

from blog.comments.models import DiscussionSettings
from blog.models import ArticlePage

from ..site.production import DocumentedNginx
from .browser import Browser

pytestmark = pytest.mark.scaleout
NGINX = DocumentedNginx()
ALICE, BOB = "203.0.113.10", "198.51.100.20"
_bodies = itertools.count(1)


@pytest.fixture
def limits(servers_database):
    """Two comments per address, no limit per e-mail, on the servers' own database."""
    rules = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    before = rules.rate_limit_per_ip, rules.rate_limit_per_email
    rules.rate_limit_per_ip, rules.rate_limit_per_email = 2, 0
    rules.save()  # also drops the copy the servers keep in the shared Redis
    yield ArticlePage.objects.live().order_by("pk").first()
    rules.rate_limit_per_ip, rules.rate_limit_per_email = before
    rules.save()


def send(server, article, client_ip, sent=None):
    """A comment from ``client_ip`` through the documented nginx to ``server``, as a browser
    posts it (with its Origin, which Django checks on https requests)."""
    host = server.removeprefix("http://")
    headers = {**NGINX.headers(client_ip, sent, host=host), "Origin": f"https://{host}"}
    browser = Browser()
    url = f"{server}/comments/{article.pk}/"
    tokens = browser.get(f"{url}form-tokens/", headers=headers, timeout=30).json()
    form = {
        "name": "Reader",
        "email": f"reader{next(_bodies)}@example.com",
        "body": f"Comment number {next(_bodies)}.",
        "parent": "",
        **tokens,
    }
    response = browser.post(url, data=form, headers=headers, allow_redirects=False, timeout=30)
    assert response.status_code in (303, 429), response.text[:500]
    return response.status_code


def test_readers_behind_the_proxy_get_separate_limits_on_every_server(site, limits):
    one, two = site.urls
    assert [send(one, limits, ALICE), send(two, limits, ALICE)] == [303, 303]
    assert send(one, limits, ALICE) == 429
    assert send(two, limits, ALICE, {"X-Forwarded-For": BOB}) == 429
    assert send(one, limits, ALICE, {"X-Real-IP": BOB}) == 429
    assert send(two, limits, BOB) == 303
