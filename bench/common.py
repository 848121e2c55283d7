"""What the benchmark's runs share (bench.run, bench.scale): where things are, the log, the
statistics of samples, the code's fingerprint, the machine, and the Django steps run in
processes of their own (bench.worker)."""

import datetime
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
# Migrated empty databases, by a hash of every migration: migrating takes longer than
# building the smoke run's data.
SCHEMA_CACHE = RESULTS / ".schema-cache"


class HarnessError(Exception):
    """The harness could not measure: the run fails."""


def code_fingerprint():
    """A hash of the app's code and templates: a run over code that changed while it ran
    compares figures of two different apps, and says so."""
    digest = hashlib.sha256()
    for top in ("blog", "therapies", "config", "templates"):
        for path in sorted((REPO / top).rglob("*")):
            if path.suffix in {".py", ".html", ".js", ".txt"} and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


STARTED = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def percentile(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    position = (len(values) - 1) * q
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def spread(samples):
    return {
        "n": len(samples),
        "median": percentile(samples, 0.5),
        "p10": percentile(samples, 0.1),
        "p90": percentile(samples, 0.9),
        "min": min(samples),
        "max": max(samples),
    }


def machine(profile, settings):
    """Where and with what a run measures."""

    def installed(package):
        try:
            return version(package)
        except PackageNotFoundError:
            return None

    return {
        "profile": profile,
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": platform.node(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "django": installed("django"),
        "wagtail": installed("wagtail"),
        "gunicorn": installed("gunicorn"),
        "load_average_at_start": os.getloadavg(),
        "settings": settings,
    }


def run_worker(out, step, env, **options):
    """Runs ``bench.worker STEP`` with ``options`` (``--name value``) in a process of its
    own with ``env`` added to the environment; returns the JSON it wrote to ``out``."""
    command = [sys.executable, "-m", "bench.worker", step, "--out", str(out)]
    for name, value in options.items():
        command += [f"--{name.replace('_', '-')}", str(value)]
    completed = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise HarnessError(f"bench.worker {step} failed:\n{completed.stderr[-4000:]}")
    if completed.stderr.strip():
        print(completed.stderr[-2000:], file=sys.stderr)
    return json.loads(Path(out).read_text())
