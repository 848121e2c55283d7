"""Which settings a test run uses: the plugin's tests (tests/plugin) run against their own
minimal host site (tests.host.settings), everything else against the demo site's test
settings (pyproject.toml). A pytest plugin (``-p tests.settings_selector``), because
pytest-django reads the settings before any conftest.py is loaded.

The choice is an environment variable, made before pytest-xdist starts its workers, which
inherit it. pytest-django gives each worker a test database of its own; here each also gets a
Redis database of its own (make test-postgres), since clearing the cache empties a whole one."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

PLUGIN_TESTS = Path(__file__).resolve().parent / "plugin"
HOST_SETTINGS = "tests.host.settings"


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    one_redis_database_per_worker()
    if early_config.known_args_namespace.ds or "DJANGO_SETTINGS_MODULE" in os.environ:
        return  # asked for explicitly
    paths = [Path(arg.split("::")[0]).resolve() for arg in args if not arg.startswith("-")]
    existing = [path for path in paths if path.exists()]
    if not existing:
        return
    inside = [path == PLUGIN_TESTS or PLUGIN_TESTS in path.parents for path in existing]
    if all(inside):
        os.environ["DJANGO_SETTINGS_MODULE"] = HOST_SETTINGS
    elif any(inside):
        raise pytest.UsageError(
            "tests/plugin runs against tests.host.settings, the rest against the demo site's: "
            "run them separately (make test does both)."
        )


def one_redis_database_per_worker():
    """Worker gw<N> uses database N of TEST_REDIS_URL's server (bin/with-services has enough)."""
    worker, url = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("TEST_REDIS_URL")
    if worker and url:
        number = int(worker.removeprefix("gw"))
        os.environ["TEST_REDIS_URL"] = urlsplit(url)._replace(path=f"/{number}").geturl()
