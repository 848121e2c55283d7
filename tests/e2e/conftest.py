"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Every test here is marked ``e2e`` and runs on a transactional database with serialized
rollback, so the data Wagtail's and our migrations create (the root page, the default site,
the "Therapists" and "Moderators" groups, the default workflow) is back for each test even
though the live server needs real commits and the database is flushed afterwards.
"""

import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.servers.basehttp import WSGIServer
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site

from blog.comments.models import DiscussionSettings
from blog.core.permissions import MODERATORS

from .browsing import PASSWORD
from .chromium import CHROMIUM, CHROMIUM_ARGS

VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
TIMEOUT_MS = 15_000
E2E_DIR = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            # The live server needs committed data; serialized rollback restores what the
            # migrations created after each test's flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def _serve_media(settings):
    """The demo only serves uploads when DEBUG is on; the live server needs them for images."""
    settings.ROOT_URLCONF = "tests.e2e.urls"


class OneRequestAtATimeServer(WSGIServer):
    """Django's development WSGI server without threads (it then closes every connection
    after its response, so a browser's keep-alive connections cannot hold it up)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        # The server thread already uses the overriding connections (LiveServerThread.run).
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time.

    With SQLite's in-memory test database every server thread shares the test's single
    connection, so the editor's background requests (autosave, choosers) would otherwise
    interleave their transactions on it with those of the request they overlap.
    """
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.server_class = OneRequestAtATimeServer
    server.start()
    yield server
    server.stop()


def wait_for_server(live_server):
    """Return once the live server has answered everything sent to it so far: it serves one
    request at a time, in order, so answering a new one means it is done with the rest."""
    with urllib.request.urlopen(live_server.url + "/static/css/site.css") as response:  # noqa: S310
        response.read()


@pytest.fixture(scope="session")
def browser(django_db_setup, live_server):
    """Debian's chromium, headless. It needs the test database and the live server set up
    first (see below), and closes before the server stops."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"The e2e tests need Debian's chromium at {CHROMIUM} "
            "(apt-get install chromium); Playwright's own browser downloads are not used.",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves its event loop marked as running in this thread. From then
    # on asgiref's Local hands Django a second set of connection objects here, as it would to
    # async code, and those lack the serialized contents that serialized_rollback restores
    # (and are not the ones the live server shares): keep using the original ones.
    sync_connections = {alias: connections[alias] for alias in connections}
    # The running loop would also make Django refuse ORM calls from this thread
    # (SynchronousOnlyOperation); nothing async actually runs alongside them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, connection in sync_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class BrowserProblems:
    """Same-origin requests that failed and JavaScript errors, collected per page."""

    def __init__(self, origin):
        self.origin = origin
        self.items = []

    def watch(self, page):
        page.on("pageerror", lambda error: self.items.append(f"JavaScript error: {error}"))
        page.on("response", self._response)
        page.on("requestfailed", self._request_failed)

    def _response(self, response):
        if not response.url.startswith(self.origin) or response.status < 400:
            return
        if self._is_autosave_validation_error(response):
            return
        self.items.append(f"HTTP {response.status}: {response.url}")

    @staticmethod
    def _is_autosave_validation_error(response):
        """Wagtail's editor autosaves in the background and is told "400, not valid yet"
        in JSON while required fields are still empty; the editor handles that itself."""
        return (
            response.status == 400
            and response.request.resource_type in ("fetch", "xhr")
            and response.headers.get("content-type", "").startswith("application/json")
        )

    def _request_failed(self, request):
        # Navigating away aborts pending requests; that is not a problem of the page.
        if request.url.startswith(self.origin) and "ERR_ABORTED" not in (request.failure or ""):
            self.items.append(f"request failed ({request.failure}): {request.url}")


@pytest.fixture
def new_page(browser, live_server):
    """Make a page in a fresh browser context for "phone" or "desktop", whose relative
    URLs go to the live server. A failed request to the live server (a missing
    stylesheet, say) or an uncaught JavaScript error fails the test."""
    contexts = []
    problems = BrowserProblems(live_server.url)

    def make(viewport="desktop"):
        context = browser.new_context(base_url=live_server.url, **VIEWPORTS[viewport])
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        problems.watch(page)
        return page

    yield make
    for context in contexts:
        context.close()
    # Let requests already sent finish before the database is flushed under them.
    wait_for_server(live_server)
    if problems.items:
        pytest.fail("The browser ran into problems:\n" + "\n".join(problems.items))


@pytest.fixture
def phone_page(new_page):
    return new_page("phone")


@pytest.fixture
def desktop_page(new_page):
    return new_page("desktop")


@pytest.fixture(params=list(VIEWPORTS))
def any_page(request, new_page):
    """Runs the test once with a phone-sized page and once with a desktop one."""
    return new_page(request.param)


@pytest.fixture(autouse=True, scope="session")
def _clean_media():
    """Uploaded images and renditions go to the test settings' temporary MEDIA_ROOT."""
    yield
    media = Path(settings.MEDIA_ROOT)
    if media.name.startswith("wellness-test-media-"):
        shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _page_cache(settings):
    """Readers in a real browser get cached pages and routes, as on a real site."""
    settings.WELLNESS_PAGE_CACHE = True
    settings.WELLNESS_ROUTE_CACHE = True


@pytest.fixture
def open_discussion(tree):
    """The site's comment rules, minus those that stop a test typing faster than a person."""
    rules = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds_to_fill = 0  # the form's signed timestamp holds forms sent within 3 s
    rules.rate_limit_per_ip = rules.rate_limit_per_email = 0  # every test posts from 127.0.0.1
    rules.save()
    return rules


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("mo", "mo@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user
