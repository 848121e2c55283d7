"""The HTTP side of the benchmark: gunicorn servers, load generation, comment posting.

Nothing here imports Django, so the load generator never shares a process with the app.
"""

import concurrent.futures
import gzip
import http.client
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import brotli

from config.servers import HOST, Server, free_port

REPO = Path(__file__).resolve().parent.parent


# What browsers say they accept: every load and every reader sends it, so that the site
# answers as it answers them (compressed, from the page cache's copy for such clients).
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


class LoadError(Exception):
    """The load generator failed, or the site answered a reader with an error."""


def fetch(port, path, method="GET", body=None, headers=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def _gunicorn_version():
    try:
        return tuple(int(part) for part in version("gunicorn").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return (0, 0)


# Gunicorn 25.1+ listens on a control socket at one path per user, which each new instance
# takes over from the last: the benchmark's servers must not take it from anyone else's.
NO_CONTROL_SOCKET = ["--no-control-socket"] if _gunicorn_version() >= (25, 1) else []


class Gunicorn(Server):
    """One gunicorn server, configured identically whatever it serves:
    ``workers`` sync workers bound to a free port on 127.0.0.1, ready when ``probe`` answers."""

    def __init__(self, app, env, log_path, workers, probe="/"):
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"{HOST}:{self.port}",
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
            *NO_CONTROL_SOCKET,
            app,
        ]
        super().__init__(
            f"gunicorn {app}",
            command,
            self.url(probe),
            log_path=log_path,
            cwd=REPO,
            env={**os.environ, **env},
        )

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def workers_cpu_seconds(self):
        """The CPU time (user and system) the server's workers have used so far (Linux's
        /proc): what the app costs, whatever else shares the machine."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                # After the command's closing parenthesis: state, ppid, ... utime, stime.
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # a process that ended meanwhile
                continue
            if int(fields[1]) == self.process.pid:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


# Load generators. One tool for every row of a run; wrk when Debian's package is installed.


def load_tool():
    """wrk when installed; ``BENCH_LOAD_TOOL=python`` forces the Python generator."""
    if os.environ.get("BENCH_LOAD_TOOL") == "python":
        return "python"
    return "wrk" if shutil.which("wrk") else "python"


def run_load(tool, url, connections, seconds, threads):
    if tool == "wrk":
        return run_wrk(url, connections, seconds, threads)
    return run_python_load(url, connections, seconds, threads)


def run_wrk(url, connections, seconds, threads):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += [arg for name, value in BROWSER.items() for arg in ("-H", f"{name}: {value}")]
    completed = subprocess.run(
        [*command, "--latency", url], capture_output=True, text=True, check=False
    )
    out = completed.stdout
    if completed.returncode != 0 or "Requests/sec" not in out:
        raise LoadError(f"wrk failed: {completed.stderr or out}")

    def number(pattern, default=0):
        match = re.search(pattern, out)
        return float(match.group(1)) if match else default

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
    read = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", out)
    units = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}
    bytes_per_response = (
        round(float(read.group(2)) * units[read.group(3)] / int(read.group(1)))
        if read and int(read.group(1))
        else None
    )
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": dict(
            zip(
                ("connect", "read", "write", "timeout"),
                map(int, socket_errors.groups()) if socket_errors else (0, 0, 0, 0),
                strict=True,
            )
        ),
        "latency": latency,
        # About the size of the page plus headers: a check that every row served the article.
        "bytes_per_response": bytes_per_response,
        "raw": out,
    }


def _python_worker(url, connections, seconds):
    """One process of the Python load generator: ``connections`` threads, each a client
    that sends its next request as soon as the last one is answered (as wrk does)."""
    parts = urllib.parse.urlsplit(url)
    deadline = time.monotonic() + seconds
    totals = {"ok": 0, "bad_status": 0, "errors": 0, "latencies": []}
    lock = threading.Lock()

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        ok = bad = errors = 0
        latencies = []
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", parts.path or "/", headers=BROWSER)
                response = conn.getresponse()
                response.read()
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                continue
            latencies.append(time.perf_counter() - start)
            if 200 <= response.status < 400:
                ok += 1
            else:
                bad += 1
        conn.close()
        with lock:
            totals["ok"] += ok
            totals["bad_status"] += bad
            totals["errors"] += errors
            totals["latencies"] += latencies

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return totals


def run_python_load(url, connections, seconds, processes):
    per_process = [
        connections // processes + (n < connections % processes) for n in range(processes)
    ]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool:
        start = time.perf_counter()
        parts = list(
            pool.map(_python_worker, [url] * processes, per_process, [seconds] * processes)
        )
        elapsed = time.perf_counter() - start
    ok = sum(p["ok"] for p in parts)
    latencies = sorted(x for p in parts for x in p["latencies"])

    def pct(q):
        return f"{latencies[int(q * (len(latencies) - 1))] * 1000:.2f}ms" if latencies else "-"

    return {
        "requests": ok + sum(p["bad_status"] for p in parts),
        # Process start-up is inside ``elapsed``; the clients' own deadline is ``seconds``.
        "requests_per_second": ok / seconds,
        "wall_seconds": round(elapsed, 2),
        "non_2xx_3xx": sum(p["bad_status"] for p in parts),
        "socket_errors": {"any": sum(p["errors"] for p in parts)},
        "latency": {"50": pct(0.5), "90": pct(0.9), "99": pct(0.99)},
    }


# Comment posting: readers who load the article, then send the form.

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
TOKEN_INPUT = re.compile(r'name="token" value="([^"]*)"')
FORM_TAG = re.compile(r"<form\b[^>]*\bdata-comment-form\b[^>]*>")
ATTRIBUTE = re.compile(r'\b([\w-]+)="([^"]*)"')
ACCEPTED = re.compile(r"#comment-(\d+)$")


def decompress(content, coding):
    """A response's body as the browser reads it."""
    if coding == "br":
        return brotli.decompress(content)
    if coding == "gzip":
        return gzip.decompress(content)
    return content


class Reader:
    """One commenter's browser: its cookies, and the form it got with the article.

    The tokens are taken as the page provides them: from the form's hidden inputs, or, where
    those are empty because the page is shared by every reader (cached), from the form's
    ``data-tokens-url``, as the page's script does."""

    def __init__(self, port, article_path, number):
        self.port, self.number = port, number
        self.cookies = {}
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
        status, html = self.request("GET", article_path)
        html = html.decode()
        form = FORM_TAG.search(html)
        if status != 200 or not form:
            raise LoadError(f"GET {article_path} gave {status} and no comment form")
        attributes = dict(ATTRIBUTE.findall(form.group(0)))
        self.action = attributes.get("action")
        csrf, token = CSRF_INPUT.search(html), TOKEN_INPUT.search(html)
        self.csrf = csrf.group(1) if csrf else ""
        self.token = token.group(1) if token else ""
        if not (self.csrf and self.token) and attributes.get("data-tokens-url"):
            url = attributes["data-tokens-url"]
            status, body = self.request("GET", url, headers={"Accept": "application/json"})
            if status != 200:
                raise LoadError(f"GET {url} (the comment form's tokens) gave {status}")
            tokens = json.loads(body)
            self.csrf = tokens.get("csrfmiddlewaretoken", "")
            self.token = tokens.get("token", "")
        if not (self.action and self.csrf and self.token):
            raise LoadError(f"the comment form of {article_path} has no action or tokens")
        self.location = None

    def request(self, method, path, body=None, headers=None):
        headers = {**BROWSER, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = decompress(response.read(), response.getheader("Content-Encoding"))
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            self.cookies.update({k: m.value for k, m in cookie.items()})
        self.location = response.getheader("Location")
        self.cache = response.getheader("X-Wellness-Cache")  # "hit" when the cache answered
        if response.will_close:
            self.conn.close()
        return response.status, content

    def post(self, n):
        fields = {
            "name": f"Bench reader {self.number}",
            "email": f"reader-{self.number}-{n}@example.com",
            "body": f"Comment {n} from reader {self.number}: the stretches helped, thank you.",
            "parent": "",
            "website": "",
            "token": self.token,
            "csrfmiddlewaretoken": self.csrf,
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://{HOST}:{self.port}",
        }
        status, content = self.request("POST", self.action, urllib.parse.urlencode(fields), headers)
        return status, content, self.location


def post_comments(port, article_path, clients, duration):
    """``clients`` readers post unique comments for ``duration`` seconds, each sending its
    next comment when the last is answered. Returns the ids the server reported."""
    readers = [Reader(port, article_path, n) for n in range(clients)]
    deadline = time.monotonic() + duration
    accepted, failures = [], []
    lock = threading.Lock()
    counts = {"dropped": 0, "errors": 0}

    def run(reader):
        n = 0
        while time.monotonic() < deadline:
            n += 1
            try:
                status, content, location = reader.post(n)
            except (OSError, http.client.HTTPException) as error:
                status, content, location = None, str(error).encode(), None
            match = ACCEPTED.search(location or "") if status == 303 else None
            with lock:
                if match:
                    accepted.append(int(match.group(1)))
                elif status == 303:  # accepted but not stored: judged a bot, or dropped
                    counts["dropped"] += 1
                else:
                    counts["errors"] += 1
                    if len(failures) < 5:
                        failures.append(f"{status}: {content[:200]!r}")

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(reader,)) for reader in readers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "clients": clients,
        "seconds": time.perf_counter() - start,
        "accepted_ids": accepted,
        "dropped": counts["dropped"],
        "errors": counts["errors"],
        "first_errors": failures,
    }


def reader_journey(port, article_path, other_paths):
    """A reader's visit, as the page cache meets it: they read the article and a few other
    pages, comment on the article (their comment awaits moderation, remembered in their new
    session), then read on: the article again and the other pages. Returns each page view
    with whether the cache answered it."""
    reader = Reader(port, article_path, number=10_000)  # reads the article first
    views = [("before commenting", article_path, reader.cache == "hit")]

    def read(when, path):
        status, _ = reader.request("GET", path)
        if status != 200:
            raise LoadError(f"GET {path} gave {status} in the reader's visit")
        views.append((when, path, reader.cache == "hit"))

    for path in other_paths:
        read("before commenting", path)
    status, _, location = reader.post(1)
    if status != 303 or not ACCEPTED.search(location or ""):
        raise LoadError(f"the reader's comment was answered {status}, {location}")
    for path in [article_path, *other_paths, article_path, *other_paths]:
        read("after commenting", path)
    return views


def write_static_page(directory, status, headers, body):
    """What ``bench.static_app`` will serve: the app's bytes and headers, minus those that
    describe the connection rather than the page."""
    skip = {"date", "server", "connection", "content-length", "transfer-encoding"}
    directory = Path(directory)
    (directory / "page.html").write_bytes(body)
    kept = [(k, v) for k, v in headers if k.lower() not in skip]
    (directory / "page-headers.json").write_text(json.dumps({"status": status, "headers": kept}))
    return {
        "BENCH_STATIC_BODY": str(directory / "page.html"),
        "BENCH_STATIC_HEADERS": str(directory / "page-headers.json"),
    }
