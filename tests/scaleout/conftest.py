"""Two gunicorn instances with the production settings on two loopback ports, sharing the one
PostgreSQL and Redis that bin/with-services started (make test-scaleout), as app servers behind a
load balancer would. The demo content is loaded once; the tests drive the servers over HTTP."""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SERVERS = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url, process, log, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn at {url} exited:\n{log.read_text()}")
        try:
            if requests.get(f"{url}/admin/login/", timeout=30).status_code == 200:
                return
        except requests.ConnectionError:  # not listening yet
            pass
        time.sleep(0.5)
    pytest.fail(f"gunicorn at {url} did not answer within {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The running servers: ``site.urls`` (one per server) and the demo logins' ``password``."""
    if not {"DATABASE_URL", "REDIS_URL"} <= os.environ.keys():
        pytest.fail("Run through make test-scaleout, which starts PostgreSQL and Redis.")
    tmp = tmp_path_factory.mktemp("scaleout")
    password = secrets.token_urlsafe(12)
    ports = [free_port() for _ in range(SERVERS)]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Every server must share the key: sessions and CSRF tokens are signed with it.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{ports[0]}",
        "HTTPS": "false",
        "STATIC_ROOT": str(tmp / "static"),
        # One media directory for both, as a shared volume or a bucket would be.
        "MEDIA_ROOT": str(tmp / "media"),
        "DEMO_ADMIN_PASSWORD": password,
    }

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    manage("load_demo_content")

    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "2"]
    servers = []
    try:
        for n, port in enumerate(ports, 1):
            log = tmp / f"gunicorn-{n}.log"
            with log.open("w") as out:
                process = subprocess.Popen(
                    [*gunicorn, "--bind", f"127.0.0.1:{port}"],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            servers.append((process, log))
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url, (process, log) in zip(urls, servers, strict=True):
            wait_until_serving(url, process, log)
        yield SimpleNamespace(urls=urls, password=password)
    finally:
        for process, _ in servers:
            process.terminate()
        for process, _ in servers:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def servers_database(django_db_blocker):
    """Read the servers' own database (no test database is made here) to find ids to act on."""
    with django_db_blocker.unblock():
        yield
