"""Two gunicorn instances with the production settings on two loopback ports, sharing the one
PostgreSQL and Redis that bin/with-services started (make test-scaleout), as app servers behind a
load balancer would. The demo content is loaded once; the tests drive the servers over HTTP.
The task workers (``workers``) and the mail server they send to (``smtp``) are the tests' to
start, stop and kill."""

import contextlib
import os
import secrets
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from config.servers import Server, free_port

from ..smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
SERVERS = 2
WORKERS = 2


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The running servers: ``site.urls`` (one per server) and the demo logins' ``password``."""
    if not {"DATABASE_URL", "REDIS_URL"} <= os.environ.keys():
        pytest.fail("Run through make test-scaleout, which starts PostgreSQL and Redis.")
    tmp = tmp_path_factory.mktemp("scaleout")
    password = secrets.token_urlsafe(12)
    ports = [free_port() for _ in range(SERVERS)]
    smtp_port = free_port()
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
        # The workers send through the tests' mail server (tests/smtp_sink.py).
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    manage("load_demo_content")

    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "2"]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    servers = [
        Server(
            f"gunicorn at {url}",
            [*gunicorn, "--bind", url.removeprefix("http://")],
            f"{url}/admin/login/",
            log_path=tmp / f"gunicorn-{n}.log",
            cwd=ROOT,
            env=env,
            stop_timeout=30,
            tail_lines=None,
        )
        for n, url in enumerate(urls, 1)
    ]
    with contextlib.ExitStack() as stack:
        for server in servers:  # both start at once
            stack.callback(server.stop)
            server.start()
        for server in servers:
            server.wait_ready()
        yield SimpleNamespace(
            urls=urls, password=password, servers=servers, env=env, tmp=tmp, smtp_port=smtp_port
        )


@pytest.fixture
def servers_database(django_db_blocker):
    """Read the servers' own database (no test database is made here) to find ids to act on."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def workers(site):
    """The task workers, stopped: ``workers[n].start()``, ``.stop()``, ``.kill()``. Each keeps
    its id across restarts, as the documented services do."""
    workers = [
        Server(
            f"task worker {n}",
            [
                sys.executable,
                "manage.py",
                "wellness_worker",
                "--worker-id",
                f"worker-{n}",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--no-reload",
            ],
            None,
            log_path=site.tmp / f"worker-{n}.log",
            cwd=ROOT,
            env=site.env,
            stop_timeout=30,
            tail_lines=None,
        )
        for n in range(1, WORKERS + 1)
    ]
    yield workers
    for worker in workers:
        worker.stop()


@pytest.fixture
def smtp(site):
    """The mail server the workers send to, down until the test starts it."""
    sink = SmtpSink(site.smtp_port)
    yield sink
    sink.stop()
