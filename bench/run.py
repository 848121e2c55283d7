"""The benchmark: ``python -m bench.run`` (full sizes) or ``python -m bench.run --smoke``.

Builds its own data at two sizes in a throwaway directory, measures queries and server time
per page in-process, throughput under concurrent load with gunicorn against a static ceiling
served by the same gunicorn set-up, comment posting with a lost-comment check, and the
moderation listing; prints one table, writes the figures as JSON and draws a chart.
See docs/benchmarks.md.

Exit status: 0 when everything was measured, whether or not the targets were met; 1 when
the harness could not measure (a page failed, a server would not start, a comment was lost).
"""

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

if __package__ in (None, ""):  # run as a script: python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load
from bench.common import (
    RESULTS,
    SCHEMA_CACHE,
    HarnessError,
    code_fingerprint,
    log,
    machine,
    percentile,
    run_worker,
    spread,
)
from bench.report import (
    TARGETS,
    profile_summary,
    scale_targets,
    table,
    targets,
    write_results,
)
from config.servers import ServerError

PROFILES = {
    "full": {
        "sizes": [10, 10_000],
        "variant_comments": 500,
        "heroes": 12,
        "moderation_comments": 1_000_000,
        "runs": 40,  # timed requests per page per round
        "warmup": 3,
        "rounds": 2,  # the sizes measured alternately, this many times each
        "moderation_runs": 20,
        "load_seconds": 3,
        "load_warmup": 2,
        "load_rounds": 10,
        "post_seconds": 10,
        "profile_requests": 100,
        "first_view_runs": 20,
        "postgres_articles": 100,
        "scale": {
            "sizes": [1_000, 10_000, 100_000],
            "techniques": 50,
            "authors": 200,
            "runs": 10,
            "warmup": 2,
            "moderation_runs": 5,
            "sitemap_urls_per_part": None,  # the app's own
        },
    },
    "smoke": {
        "sizes": [3, 30],
        "variant_comments": 60,
        "heroes": 3,
        "moderation_comments": 1_000,
        "runs": 3,
        # Two views at least: the first creates the site's settings rows, which rightly
        # drops what the app's caches learnt during that view.
        "warmup": 2,
        "rounds": 1,
        "moderation_runs": 3,
        "load_seconds": 2,
        "load_warmup": 1,
        "load_rounds": 1,
        "post_seconds": 2,
        "profile_requests": 5,
        "first_view_runs": 2,
        "postgres_articles": 10,
        "scale": {
            "sizes": [40, 80],
            "techniques": 3,
            "authors": 5,
            "runs": 2,
            "warmup": 2,  # as the pages': the first view makes renditions and settings rows
            "moderation_runs": 2,
            "sitemap_urls_per_part": 20,  # so that even the smoke run's sitemap has parts
        },
    },
}
SERVER = {"workers": 2, "connections": 16, "load_threads": 2, "post_clients": 16}
APP = "config.wsgi:application"
STATIC_APP = "bench.static_app:application"
POSTING_FLOOR_SETTINGS = "bench.posting_floor"


class Benchmark:
    def __init__(self, profile_name, tmp_parent=None, schema_cache=SCHEMA_CACHE):
        self.name = profile_name
        self.schema_cache = schema_cache
        self.p = PROFILES[profile_name]
        self.tmp = Path(tempfile.mkdtemp(prefix="wellness-bench-", dir=tmp_parent))
        self.results = {"meta": self.meta(), "phases": {}}
        self.calls = 0

    def meta(self):
        return {
            **machine(self.name, self.p),
            "load_tool": load.load_tool(),
            "server": SERVER,
            "targets": TARGETS,
        }

    def directory(self, size):
        return self.tmp / f"articles-{size}"

    def env(self, directory, page_cache):
        env = {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "BENCH_DIR": str(directory),
            "BENCH_PAGE_CACHE": "1" if page_cache else "0",
        }
        if directory == self.directory("postgres"):
            env["BENCH_DATABASE_URL"] = os.environ["DATABASE_URL"]
            env["BENCH_REDIS_URL"] = os.environ["REDIS_URL"]
        if directory == self.directory("scale"):
            env.update(scale_services())
            if part := self.p["scale"]["sitemap_urls_per_part"]:
                env["BENCH_SITEMAP_URLS_PER_PART"] = str(part)
        return env

    def worker(self, directory, step, **options):
        self.calls += 1
        out = Path(directory) / f"{step}-{self.calls}.json"
        env = self.env(Path(directory), page_cache=False)
        return run_worker(out, step, env, **options)

    def phase(self, name, function, *args):
        log(f"{name}…")
        start = time.monotonic()
        result = function(*args)
        self.results["phases"][name] = round(time.monotonic() - start, 1)
        return result

    # The steps

    def build(self):
        schema = self.tmp / "schema"
        schema.mkdir()
        options = {"cache_dir": self.schema_cache} if self.schema_cache else {}
        migrated = self.worker(schema, "migrate", **options)
        log(f"  schema {migrated['schema']} in {migrated['seconds_in_step']} s")
        self.results["build"] = {}
        for size in self.p["sizes"]:
            directory = self.directory(size)
            directory.mkdir()
            shutil.copy(schema / "db.sqlite3", directory / "db.sqlite3")
            manifest = self.worker(
                directory,
                "build",
                articles=size,
                variant_comments=self.p["variant_comments"],
                heroes=self.p["heroes"],
            )
            (directory / "manifest.json").write_text(json.dumps(manifest))
            self.results["build"][str(size)] = manifest
            log(f"  {size:,} articles built in {manifest['seconds_in_step']} s")

    def pages(self):
        pages = {str(size): {} for size in self.p["sizes"]}
        for _ in range(self.p["rounds"]):
            for size in self.p["sizes"]:
                directory = self.directory(size)
                measured = self.worker(
                    directory,
                    "pages",
                    manifest=directory / "manifest.json",
                    runs=self.p["runs"],
                    warmup=self.p["warmup"],
                )
                measured.pop("seconds_in_step")
                for name, page in measured.items():
                    entry = pages[str(size)].setdefault(
                        name, {"host": page["host"], "path": page["path"], "queries": [], "ms": []}
                    )
                    entry["queries"].append(page["queries"])
                    entry["ms"] += page["ms"]
                    entry["sql"] = page["sql"]
        for by_name in pages.values():
            for entry in by_name.values():
                entry["time"] = spread(entry["ms"])
        self.results["pages"] = pages

    def profile(self):
        large = self.directory(self.p["sizes"][-1])
        result = self.worker(
            large, "profile", manifest=large / "manifest.json", runs=self.p["profile_requests"]
        )
        self.results["profile"] = result

    def first_views(self):
        large = self.directory(self.p["sizes"][-1])
        result = self.worker(
            large, "first_views", manifest=large / "manifest.json", runs=self.p["first_view_runs"]
        )
        self.results["first_views"] = {
            name: {"ms": samples, "time": spread(samples)} for name, samples in result["ms"].items()
        }
        for name, hits in result.get("hits", {}).items():  # the anonymous reader's
            self.results["first_views"][name]["hits"] = hits

    def moderation(self):
        large = self.p["sizes"][-1]
        result = self.worker(
            self.directory(large),
            "moderation",
            comments=self.p["moderation_comments"],
            runs=self.p["moderation_runs"],
            warmup=2,
        )
        if result.get("available"):
            result["time"] = spread(result["ms"])
        self.results["moderation"] = result

    def throughput_and_posting(self):
        large = self.p["sizes"][-1]
        directory = self.directory(large)
        manifest = self.results["build"][str(large)]
        path = manifest["typical_article"]["path"]

        def server(app, env, name):
            log_path = directory / f"gunicorn-{name}.log"
            return load.Gunicorn(app, env, log_path, SERVER["workers"], probe=path)

        with contextlib.ExitStack() as servers:
            uncached = server(APP, self.env(directory, page_cache=False), "uncached")
            cached = server(APP, self.env(directory, page_cache=True), "cached")
            for gunicorn in (uncached, cached):  # both start at once
                servers.callback(gunicorn.stop)
                gunicorn.start()
            uncached.wait_ready()
            cached.wait_ready()
            # The ceiling serves what a browser gets from the page cache: the same bytes and
            # headers, compressed as the cache keeps them for the codings browsers accept.
            status, headers, body = self.cache_hit(cached, path)
            static = server(
                STATIC_APP, load.write_static_page(directory, status, headers, body), "static"
            )
            servers.callback(static.stop)
            static.start().wait_ready()
            if load.fetch(static.port, path, headers=load.BROWSER)[2] != body:
                raise HarnessError("the static app does not serve the article's bytes")
            # The cached server right after the ceiling: the closer in time, the less of the
            # machine's drift is in their ratio.
            rows = {
                "static ceiling": static,
                "cached article": cached,
                "uncached article": uncached,
            }
            self.results["throughput"] = {
                "tool": load.load_tool(),
                "path": path,
                "bytes": len(body),
                "bytes_by_coding": {
                    coding or "identity": len(
                        load.fetch(cached.port, path, headers={"Accept-Encoding": coding})[2]
                    )
                    for coding in ("", "gzip", "br")
                },
                "rows": self.throughput(rows, path),
            }
            if not {"DATABASE_URL", "REDIS_URL"} <= os.environ.keys():
                self.reader_journey(cached, manifest)  # else on PostgreSQL and Redis
            self.results["posting"] = self.posting(
                directory, cached, manifest["posting_article"]["path"]
            )

    def cache_hit(self, server, path):
        """``path`` as ``server``'s page cache answers a browser: (status, headers, body)."""
        for _ in range(10 * SERVER["workers"]):  # each worker keeps its own copy on SQLite
            status, headers, body = load.fetch(server.port, path, headers=load.BROWSER)
            if status != 200:
                raise HarnessError(f"GET {path} from gunicorn answered {status}")
            if dict(headers).get("X-Wellness-Cache") == "hit":
                return status, headers, body
        raise HarnessError(f"GET {path} was never answered from the page cache")

    def posting(self, directory, server, path, what="comment posting"):
        """Readers post comments to ``path`` on ``server``; with the CPU time its workers
        used per accepted post (the clients' first views of the page included)."""
        log(f"{what}…")
        cpu = server.workers_cpu_seconds()
        posting = self.worker(
            directory,
            "post",
            port=server.port,
            path=path,
            clients=SERVER["post_clients"],
            duration=self.p["post_seconds"],
        )
        used = server.workers_cpu_seconds() - cpu
        posting["workers_cpu_ms_per_post"] = round(used * 1000 / max(posting["accepted"], 1), 2)
        posting["server_log_tail"] = server.log_tail(20)
        return posting

    def reader_journey(self, server, manifest):
        """A reader who comments, on ``server`` (the page cache on): which of their page
        views the cache answers. Each worker keeps its own local-memory cache in the SQLite
        phase, so the pages are first asked for enough times to reach every worker."""
        log("a reader's visit…")
        article = manifest["posting_article"]["path"]
        others = [manifest["typical_article"]["path"], *manifest["listings"].values()]
        for page in [article, *others]:
            for _ in range(3 * SERVER["workers"]):  # as other readers left them: cached
                load.fetch(server.port, page, headers=load.BROWSER)
        views = load.reader_journey(server.port, article, others)
        self.results["reader_journey"] = [
            {"when": when, "path": path, "hit": hit} for when, path, hit in views
        ]

    def postgres(self):
        """Comment posting again on PostgreSQL and Redis (the throwaway servers of
        bin/with-services, which `make bench` runs under), as a production site posts."""
        directory = self.directory("postgres")
        directory.mkdir()
        self.worker(directory, "migrate")
        create_scale_database(template=True)  # migrated already: the scale phase's start
        manifest = self.worker(
            directory,
            "build",
            articles=self.p["postgres_articles"],
            variant_comments=10,
            heroes=self.p["heroes"],
        )
        path = manifest["posting_article"]["path"]
        env = self.env(directory, page_cache=True)
        log_path = directory / "gunicorn-postgres.log"
        with contextlib.ExitStack() as servers:
            server = load.Gunicorn(APP, env, log_path, SERVER["workers"], probe=path)
            servers.callback(server.stop)
            server.start().wait_ready()
            self.reader_journey(server, manifest)
            self.results["postgres_posting"] = self.posting(directory, server, path)
            # The floor stores its comments on another article: the same readers' comments
            # on the app's would be refused as repeats.
            floor_path = f"/{manifest['typical_article']['id']}/"
            env = {**env, "DJANGO_SETTINGS_MODULE": POSTING_FLOOR_SETTINGS}
            log_path = directory / "gunicorn-posting-floor.log"
            floor = load.Gunicorn(APP, env, log_path, SERVER["workers"], probe=floor_path)
            servers.callback(floor.stop)
            floor.start().wait_ready()
            self.results["postgres_posting_floor"] = self.posting(
                directory, floor, floor_path, "the posting floor (Django's insert, session write)"
            )

    def scale(self):
        """A network of blogs grown to each size on PostgreSQL and Redis (bench.network),
        measured at each (bench.scale): see docs/benchmarks.md."""
        p = self.p["scale"]
        directory = self.directory("scale")
        directory.mkdir()
        if "postgres_posting" not in self.results:  # else a copy of its migrated database
            create_scale_database()
            self.worker(directory, "migrate")
        setup = self.worker(
            directory,
            "scale_setup",
            heroes=self.p["heroes"],
            techniques=p["techniques"],
            authors=p["authors"],
        )
        log(f"  the network's site, blogs and sections in {setup['seconds_in_step']} s")
        results = {"setup_seconds": setup["seconds_in_step"], "sizes": {}}
        for size in p["sizes"]:
            grown = self.worker(directory, "scale_grow", articles=size)
            log(f"  grown to {size:,} articles, {grown['comments']:,} comments: {grown['steps']}")
            manifest = directory / f"manifest-{size}.json"
            manifest.write_text(json.dumps(grown))
            measured = self.worker(
                directory,
                "scale_measure",
                manifest=manifest,
                runs=p["runs"],
                warmup=p["warmup"],
                moderation_runs=p["moderation_runs"],
            )
            measured.pop("seconds_in_step")
            for entry in measured.values():
                entry["time"] = spread(entry["ms"])
            results["sizes"][str(size)] = {"build": grown, "pages": measured}
        self.results["scale"] = results

    def throughput(self, rows, path):
        """Requests per second for each server, the servers loaded in turn (never at once),
        round after round, so that a slow moment of the machine is shared between them."""
        tool, connections, threads = load.load_tool(), SERVER["connections"], SERVER["load_threads"]
        for gunicorn in rows.values():  # warm every worker of every server
            load.run_load(tool, gunicorn.url(path), connections, self.p["load_warmup"], threads)
        runs = {name: [] for name in rows}
        for _ in range(self.p["load_rounds"]):
            for name, gunicorn in rows.items():
                seconds = self.p["load_seconds"]
                result = load.run_load(tool, gunicorn.url(path), connections, seconds, threads)
                if result["non_2xx_3xx"] or not result["requests"]:
                    raise HarnessError(
                        f"{name}: {result['non_2xx_3xx']} error responses of "
                        f"{result['requests']}\n{gunicorn.log_tail()}"
                    )
                runs[name].append(result)
                log(f"  {name}: {result['requests_per_second']:,.0f} req/s")
        ceilings = [r["requests_per_second"] for r in runs["static ceiling"]]
        throughput = {}
        for name, results in runs.items():
            # Each round's share of that round's ceiling: neighbours in time, so the machine's
            # slow and fast moments cancel out; the median of the rounds is reported.
            shares = [
                r["requests_per_second"] / ceiling
                for r, ceiling in zip(results, ceilings, strict=True)
            ]
            throughput[name] = {
                "requests_per_second": percentile([r["requests_per_second"] for r in results], 0.5),
                "share_of_ceiling": percentile(shares, 0.5),
                "shares_by_round": shares,
                "runs": results,
            }
        return throughput

    def run(self, only=None, skip=()):
        started = time.monotonic()
        fingerprint = code_fingerprint()
        log(f"benchmark ({self.name}) in {self.tmp}; load generator: {load.load_tool()}")
        services = {"DATABASE_URL", "REDIS_URL"} <= os.environ.keys()  # bin/with-services
        if only is None:
            self.phase("build", self.build)
            self.phase("pages", self.pages)
            self.phase("profile", self.profile)
            self.phase("first views", self.first_views)
            self.phase("moderation", self.moderation)
            self.phase("throughput and posting", self.throughput_and_posting)
            if services:
                self.phase("PostgreSQL", self.postgres)
        if services and "scale" not in skip:
            self.phase("scale", self.scale)
        elif only:
            raise HarnessError(f"the {only} phase runs on PostgreSQL: use bin/with-services")
        else:
            log("no DATABASE_URL and REDIS_URL (bin/with-services): no PostgreSQL phases")
        self.results["meta"]["seconds"] = round(time.monotonic() - started, 1)
        self.results["meta"]["code"] = fingerprint
        self.results["meta"]["code_changed_during_run"] = code_fingerprint() != fingerprint
        if only is None:
            self.results["targets"] = targets(self.results, self.p["sizes"])
        if "scale" in self.results:
            self.results["scale_targets"] = scale_targets(self.results["scale"])
        return self.results


SCALE_DATABASE = "wellness_scale"
SCALE_REDIS_DB = 2


def scale_services():
    """The scale phase's own database on the throwaway PostgreSQL server, and its own Redis
    database: the PostgreSQL phase's data and cache keys stay apart."""
    database = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{SCALE_DATABASE}")
    redis = urlsplit(os.environ["REDIS_URL"])._replace(path=f"/{SCALE_REDIS_DB}")
    return {"BENCH_DATABASE_URL": urlunsplit(database), "BENCH_REDIS_URL": urlunsplit(redis)}


def create_scale_database(template=False):
    """An empty database for the scale phase, or (``template``) a copy of the PostgreSQL
    phase's, just migrated: migrating takes longer than the smoke run's whole network."""
    import psycopg

    url = os.environ["DATABASE_URL"]
    copy = f" TEMPLATE {urlsplit(url).path.lstrip('/')}" if template else ""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCALE_DATABASE}")
        connection.execute(f"CREATE DATABASE {SCALE_DATABASE}{copy}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds of load")
    parser.add_argument("--results", type=Path, help="where to write (default bench/results)")
    parser.add_argument("--tmp", help="parent directory of the throwaway data directory")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway directory")
    parser.add_argument(
        "--only", choices=["scale"], help="this phase alone (on PostgreSQL: bin/with-services)"
    )
    parser.add_argument(
        "--skip", choices=["scale"], action="append", default=[], help="leave this phase out"
    )
    parser.add_argument(
        "--no-schema-cache", action="store_true", help=f"always migrate (cache: {SCHEMA_CACHE})"
    )
    args = parser.parse_args(argv)

    profile = "smoke" if args.smoke else "full"
    results_dir = args.results or (RESULTS / "smoke" if args.smoke else RESULTS)
    if args.only:  # apart from the whole run's figures
        results_dir = results_dir / args.only
    bench = Benchmark(profile, args.tmp, None if args.no_schema_cache else SCHEMA_CACHE)
    try:
        results = bench.run(args.only, args.skip)
    except (HarnessError, load.LoadError, ServerError) as error:
        print(f"\nbench: HARNESS FAILURE: {error}", file=sys.stderr)
        print(f"bench: data and server logs kept in {bench.tmp}", file=sys.stderr)
        return 1
    except BaseException:
        print(f"bench: data and server logs kept in {bench.tmp}", file=sys.stderr)
        raise
    written = write_results(results, PROFILES[profile]["sizes"], results_dir)
    if args.keep:
        log(f"data kept in {bench.tmp}")
    else:
        shutil.rmtree(bench.tmp, ignore_errors=True)

    meta = results["meta"]
    print(
        f"\nwagtail-wellness benchmark, {profile} run: {meta['seconds']} s on {meta['cpus']} CPUs, "
        f"load average {meta['load_average_at_start'][0]:.1f} at start, "
        f"load generator {meta['load_tool']}\n"
    )
    if "targets" in results:
        print(table(results["targets"]))
        print()
        print(profile_summary(results["profile"]))
    if "scale_targets" in results:
        print("\nThe network at scale, on PostgreSQL and Redis:\n")
        print(table(results["scale_targets"]))
    if meta["code_changed_during_run"]:
        print(
            "\nWARNING: the app's code changed while the benchmark ran; "
            "figures may compare two versions of it."
        )
    print(f"\nFigures: {written / 'latest.json'}, {written / 'latest.md'}")
    if args.only:
        return 0
    posting = results["posting"]
    if posting["lost"] or not posting["accepted"]:
        print(
            f"bench: HARNESS FAILURE: {posting['lost']} comments lost, "
            f"{posting['accepted']} accepted; first errors: {posting['first_errors']}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
