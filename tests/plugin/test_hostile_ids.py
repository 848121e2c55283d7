"""Ids and slugs no database row could have (too big for a 64-bit column, far too long, not a
number) are a 404 or a 400 wherever they are taken, never a 500.

The URLs are found by walking the URLconf: every pattern the plugin adds, with each of its
parameters replaced by a hostile value, by GET and by POST, anonymous and as a superuser."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from blog.comments.models import ReaderComment

from ..comments import comment_data, make_comment

HUGE = "9" * 30
HOSTILE = [HUGE, str(2**63), "-1", "0", "x" * 3000, "%00", "..%2f"]
PLUGIN_NAMESPACES = {
    "wellness_discovery",
    "wellness_comments",
    "wellness_moderation",
    "wellness_api",
}
CHOOSER = re.compile(r"^wagtailsnippetchoosers_.*readercomment$")
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield namespace, prefix + str(pattern.pattern)


def plugin_routes():
    """The plugin's URL patterns that take a parameter, as route strings."""
    for namespace, route in walk(get_resolver().url_patterns):
        ours = namespace in PLUGIN_NAMESPACES or (namespace and CHOOSER.match(namespace))
        if ours and PARAMETER.search(route):
            yield route.replace("^", "").replace("$", "")


def with_value(route, value):
    return "/" + PARAMETER.sub(value, route)


def test_the_sweep_finds_the_plugins_urls():
    routes = list(plugin_routes())
    assert "comments/<wellness_id:page_id>/" in routes
    assert any("<slug:action>" in r for r in routes)
    assert len(routes) >= 10


@pytest.mark.parametrize("value", HOSTILE)
def test_no_url_of_the_plugin_fails_on_a_hostile_id(article, admin_user, value):
    admin = Client()
    admin.force_login(admin_user)
    for route in plugin_routes():
        url = with_value(route, value)
        for client in (Client(), admin):
            for method in (client.get, client.post):
                response = method(url)
                assert response.status_code < 500, f"{method.__name__} {url}"


@pytest.mark.parametrize("value", HOSTILE)
def test_no_query_or_form_value_fails_on_a_hostile_id(tree, article, admin_user, value):
    comment = make_comment(article, status=ReaderComment.Status.PENDING)
    admin = Client()
    admin.force_login(admin_user)
    bulk = f"/admin/bulk/{ReaderComment._meta.app_label}/readercomment/approve/"
    requests = [
        (Client(), "get", f"{article.url}?replyto={value}", None),
        (Client(), "get", f"{article.url}?comments={value}", None),
        (Client(), "get", f"{tree.blog.url}?page={value}", None),
        (Client(), "get", f"{tree.blog.url}?tag={value}&author={value}&technique={value}", None),
        (Client(), "get", f"/search/?q=calm&page={value}", None),
        (Client(), "get", f"/api/v2/articles/?offset={value}&limit={value}", None),
        (Client(), "get", f"/api/v2/articles/?id={value}", None),
        (Client(), "get", f"/api/v2/articles/?child_of={value}", None),
        (Client(), "post", f"/comments/{article.pk}/", comment_data(article, parent=value)),
        (admin, "get", f"/admin/comments/?page={value}", None),
        (admin, "get", f"/admin/comments/?status={value}&created_at_after={value}", None),
        (admin, "get", f"{bulk}?id={value}&id={comment.pk}", None),
        (admin, "post", f"{bulk}?id={value}", None),
    ]
    for client, method, url, data in requests:
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, f"{method} {url}"


@pytest.mark.parametrize("value", [HUGE, str(2**63), "0"])
@pytest.mark.parametrize(
    "method, path",
    [
        ("post", "/comments/{}/"),
        ("get", "/comments/{}/write/"),
        ("get", "/comments/{}/form-tokens/"),
        ("post", "/comments/comment/{}/edit/"),
        ("post", "/comments/comment/{}/report/"),
    ],
)
def test_an_id_no_row_can_have_is_not_found(db, method, path, value):
    """Not merely "not a 500": the page or comment asked for does not exist."""
    assert getattr(Client(), method)(path.format(value)).status_code == 404
