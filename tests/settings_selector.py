"""Which settings a test run uses: the plugin's tests (tests/plugin) run against their own
minimal host site (tests.host.settings), everything else against the demo site's test
settings (pyproject.toml). A pytest plugin (``-p tests.settings_selector``), because
pytest-django reads the settings before any conftest.py is loaded."""

import os
from pathlib import Path

import pytest

PLUGIN_TESTS = Path(__file__).resolve().parent / "plugin"
HOST_SETTINGS = "tests.host.settings"


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
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
