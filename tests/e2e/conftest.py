"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Every test here is marked ``e2e`` and runs on a transactional database with serialized
rollback, so the data Wagtail's and our migrations create (the root page, the default site,
the "Therapists" and "Moderators" groups, the default workflow) is back for each test even
though the live server needs real commits and the database is flushed afterwards.
"""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.servers.basehttp import ThreadedWSGIServer
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


class Answer:
    """A response that says when the server is done with it (WSGI servers close it)."""

    def __init__(self, response, done):
        self.response, self.done = response, done

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.done()


class InFlight:
    """The WSGI app, counting the requests it is answering (until each response is sent)."""

    def __init__(self, app):
        self.app, self.count, self.changed = app, 0, threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self.done()
            raise
        return Answer(response, self.done)

    def done(self):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_idle(self, quiet=0.2, timeout=30):
        """Return once nothing has been in flight for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                if self.count == 0 and not self.changed.wait(quiet):
                    return
                if self.count:
                    self.changed.wait(0.05)
        raise TimeoutError(f"{self.count} requests still in flight")


class ParallelServer(ThreadedWSGIServer):
    """Django's threaded development server, as pytest-django's live server uses, which
    answers requests in parallel as production does; it counts those in flight."""

    def set_app(self, application):
        super().set_app(InFlight(application))


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering requests in parallel (each thread on its own
    connection to the test database, a file in WAL mode: tests/settings/test.py)."""
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.server_class = ParallelServer
    server.start()
    yield server
    server.stop()


def wait_for_server(live_server):
    """Return once the live server has answered everything sent to it so far (before the
    database is flushed under it, or the outbox read)."""
    live_server.thread.httpd.get_app().wait_idle()


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
        if self._is_autosave_validation_error(response) or self._is_replaced_draft(response):
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

    @staticmethod
    def _is_replaced_draft(response):
        """A request in the background for the draft that autosave created and the editor's
        own submit then replaced (blog.core.creation): an editing-session ping, or loading
        the parts of the edit form the autosave turned the form into. That draft is gone, and
        the answer is 404; the editor is on the new page by then."""
        return response.status == 404 and (
            "/admin/editing-sessions/ping/" in response.url
            or "_w_hydrate_create_view=" in response.url
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
    """Readers in a real browser get cached pages, routes and fragments, as on a real site."""
    settings.WELLNESS_PAGE_CACHE = True
    settings.WELLNESS_ROUTE_CACHE = True
    settings.WELLNESS_FRAGMENT_CACHE = True


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
