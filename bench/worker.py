"""The Django side of the benchmark, one step per process: ``python -m bench.worker STEP``.

``bench.run`` starts it with ``BENCH_DIR`` naming the data set's directory and
``DJANGO_SETTINGS_MODULE=bench.settings``; each step writes its figures as JSON to ``--out``.
Separate processes keep the two data sets (and their caches) apart.
"""

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def schema_key():
    """Changes whenever a migration, Django or Wagtail does."""
    import django
    import wagtail
    from django.apps import apps

    digest = hashlib.sha256(f"{django.get_version()} {wagtail.__version__}".encode())
    for app in sorted(apps.get_app_configs(), key=lambda a: a.label):
        for migration in sorted((Path(app.path) / "migrations").glob("*.py")):
            digest.update(f"{app.label}/{migration.name}".encode())
            digest.update(migration.read_bytes())
    return digest.hexdigest()[:20]


def step_migrate(args):
    """A migrated, empty database; from ``--cache-dir`` when it holds one for this schema."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "sqlite":  # PostgreSQL: a fresh database, migrated
        call_command("migrate", interactive=False, verbosity=0)
        return {"schema": f"migrated on {connection.vendor}", "cache": None}
    target = Path(settings.DATABASES["default"]["NAME"])
    cached = Path(args.cache_dir) / f"schema-{schema_key()}.sqlite3" if args.cache_dir else None
    if cached and cached.exists():
        shutil.copy(cached, target)
        return {"schema": "from cache", "cache": str(cached)}
    call_command("migrate", interactive=False, verbosity=0)
    with connection.cursor() as cursor:  # everything into the main file, ready to copy
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.partial")
        shutil.copy(target, partial)
        os.replace(partial, cached)  # whole or not at all, should two runs race
        for stale in cached.parent.glob("schema-*.sqlite3"):  # earlier migrations' databases
            if stale != cached:
                stale.unlink(missing_ok=True)
    return {"schema": "migrated", "cache": str(cached) if cached else None}


def step_build(args):
    from django.db import connection

    from . import data

    manifest = data.build(args.articles, args.variant_comments, args.heroes)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("ANALYZE")  # as a long-running database would have statistics
    return manifest


def step_pages(args):
    from . import measure

    with open(args.manifest) as f:
        manifest = json.load(f)
    return measure.measure_pages(manifest, args.runs, args.warmup)


def step_profile(args):
    from . import measure

    with open(args.manifest) as f:
        manifest = json.load(f)
    return {
        **measure.profile_page(manifest, args.runs, top=12),
        "hit": measure.measure_hit(manifest, hits=2_000),
    }


def step_first_views(args):
    from . import measure

    with open(args.manifest) as f:
        manifest = json.load(f)
    return measure.measure_first_views(manifest, args.runs)


def step_moderation(args):
    from . import measure

    return measure.measure_moderation(args.comments, args.runs, args.warmup)


def step_post(args):
    """Posts comments over HTTP to a running server, then checks the database for each."""
    from blog.comments.models import ReaderComment

    from . import load

    before = ReaderComment.objects.count()
    result = load.post_comments(args.port, args.path, clients=args.clients, duration=args.duration)
    ids = result.pop("accepted_ids")
    stored = set(ReaderComment.objects.filter(pk__in=ids).values_list("pk", flat=True))
    after = ReaderComment.objects.count()
    return {
        **result,
        "accepted": len(ids),
        "stored_of_accepted": len(stored),
        "lost": len(set(ids) - stored),
        "new_rows": after - before,
        # Rows that appeared without the client being told its post was accepted.
        "unreported_rows": (after - before) - len(stored),
        "posts_per_second": len(ids) / result["seconds"] if result["seconds"] else 0.0,
    }


def step_scale_setup(args):
    from . import network

    network.setup(args.heroes, args.techniques, args.authors)
    return {}


def step_scale_grow(args):
    from django.core.cache import caches

    from . import network

    grown = network.grow(args.articles)
    for cache in caches.all():  # the data changed under the app: nothing it kept is true
        cache.clear()
    return grown


def step_scale_measure(args):
    from . import scale

    with open(args.manifest) as f:
        manifest = json.load(f)
    return scale.measure_network(manifest, args.runs, args.warmup, args.moderation_runs)


STEPS = {
    "migrate": step_migrate,
    "build": step_build,
    "pages": step_pages,
    "profile": step_profile,
    "first_views": step_first_views,
    "moderation": step_moderation,
    "post": step_post,
    "scale_setup": step_scale_setup,
    "scale_grow": step_scale_grow,
    "scale_measure": step_scale_measure,
}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("step", choices=STEPS)
    parser.add_argument("--out", required=True)
    parser.add_argument("--articles", type=int)
    parser.add_argument("--variant-comments", type=int)
    parser.add_argument("--heroes", type=int)
    parser.add_argument("--manifest")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--warmup", type=int)
    parser.add_argument("--comments", type=int)
    parser.add_argument("--port", type=int)
    parser.add_argument("--path")
    parser.add_argument("--clients", type=int)
    parser.add_argument("--duration", type=float)
    parser.add_argument("--cache-dir")
    parser.add_argument("--techniques", type=int)
    parser.add_argument("--authors", type=int)
    parser.add_argument("--moderation-runs", type=int)
    args = parser.parse_args(argv)
    if args.step in ("build", "scale_setup", "scale_grow"):
        os.environ["BENCH_BUILDING"] = "1"  # read by bench.settings

    import django

    django.setup()
    from .measure import HarnessError

    start = time.perf_counter()
    try:
        result = STEPS[args.step](args)
    except HarnessError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    except Exception:
        traceback.print_exc()
        return 1
    result = {"seconds_in_step": round(time.perf_counter() - start, 2), **result}
    with open(args.out, "w") as f:
        json.dump(result, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
