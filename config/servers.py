"""Start a server as a subprocess, wait until it answers, stop it: for the benchmark (bench/),
the scale-out tests (tests/scaleout) and the screenshots (docs/screenshots.py).

Standard library only, and nothing imported from Django or the apps, so the benchmark's load
generator can use it without loading the site.
"""

import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """The server exited, answered with an error, or did not answer in time."""


def free_port():
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """``command`` run in ``cwd`` with ``env``, its output appended to ``log_path``: ready when
    ``ready_url`` answers 200 within ``ready_timeout`` seconds (a process that answers nothing,
    such as the task worker, has None: ready once started), stopped with SIGTERM and, after
    ``stop_timeout`` seconds, SIGKILL. Error messages name it ``name`` and end with the last
    ``tail_lines`` lines of its output (all of it for None).

    ``with Server(...) as server:`` starts it, waits and stops it; ``start()``, ``wait_ready()``
    and ``stop()`` do the same piece by piece, to start several servers at once, say.
    """

    def __init__(
        self,
        name,
        command,
        ready_url,
        *,
        log_path,
        cwd=None,
        env=None,
        ready_timeout=90,
        stop_timeout=15,
        tail_lines=40,
    ):
        self.name, self.command, self.ready_url = name, command, ready_url
        self.log_path, self.cwd, self.env = Path(log_path), cwd, env
        self.ready_timeout, self.stop_timeout = ready_timeout, stop_timeout
        self.tail_lines = tail_lines
        self.process = None

    def start(self):
        with self.log_path.open("ab") as log:  # the child keeps its own copy
            self.process = subprocess.Popen(  # noqa: S603 (our own commands)
                self.command,
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own process group: a Ctrl-C meant for us does not reach it half-way
                # through, and stop() can kill whatever it forked.
                start_new_session=True,
            )
        return self

    def wait_ready(self):
        """Return once ``ready_url`` answers 200. If the server answers anything else, exits
        or does not answer in time, stop it and raise ServerError."""
        if self.ready_url is None:
            if self.process.poll() is not None:
                self._fail(f"exited with status {self.process.returncode}")
            return self
        url = urlsplit(self.ready_url)
        deadline = time.monotonic() + self.ready_timeout
        while (remaining := deadline - time.monotonic()) > 0:
            if self.process.poll() is not None:
                self._fail(f"exited with status {self.process.returncode}")
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=remaining)
            try:
                connection.request("GET", url.path or "/")
                status = connection.getresponse().status
            except (OSError, http.client.HTTPException):  # not listening, or not yet answering
                time.sleep(0.2)
                continue
            finally:
                connection.close()
            if status != 200:
                self._fail(f"answered {status} at {self.ready_url}")
            return self
        self._fail(f"did not answer at {self.ready_url} within {self.ready_timeout} s")

    def _fail(self, what):
        self.stop()
        raise ServerError(f"{self.name} {what}:\n{self.log_tail(self.tail_lines)}")

    def stop(self):
        """SIGTERM (gunicorn's arbiter and runserver stop their own children), then SIGKILL
        for the whole process group if it is not gone within ``stop_timeout`` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(self.stop_timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def kill(self):
        """SIGKILL, as the out-of-memory killer or a lost machine stops a process: it finishes
        nothing it was doing."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, lines=40):
        """The last ``lines`` lines of the server's output (all of it for None)."""
        try:
            output = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(output if lines is None else output[-lines:])

    def __enter__(self):
        return self.start().wait_ready()

    def __exit__(self, *exc_info):
        self.stop()
