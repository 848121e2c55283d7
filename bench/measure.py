"""In-process measurements with Django's test client: queries per page and server time.

"Server time" is the wall time of ``Client.get()``: Wagtail's routing, the view, the
templates and every query, without any network or web server in between.
"""

import re
import time
from io import BytesIO

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from . import data

# Where the brief expected the moderation listing; the viewset may name its own prefix.
MODERATION_URL_NAME = "wellness_moderation:list"
MODERATION_FALLBACK_URL = "/admin/snippets/blog/readercomment/"


class HarnessError(Exception):
    """The benchmark could not measure what it set out to (a page failed, a comment was
    lost): the run must fail, so that CI notices."""


def compact(sql):
    """A query as a reader of the results wants it: the column list elided, FROM and WHERE kept."""
    columns = r'^SELECT (DISTINCT )?"[^"]+"\."[^"]+".*? FROM '
    return re.sub(columns, r"SELECT \1… FROM ", sql, count=1)[:600]


def page_targets(manifest):
    """name -> (Host header or None for the default site, path)."""
    targets = {
        f"article: {name}": (manifest["variants_host"], path)
        for name, path in manifest["variants"].items()
    }
    targets["article: typical"] = (None, manifest["typical_article"]["path"])
    targets.update({name: (None, path) for name, path in manifest["listings"].items()})
    return targets


def get(client, host, path, anonymous=True):
    if anonymous:
        client.cookies.clear()  # every request from a first-time, anonymous reader
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get(path, **extra)
    if response.status_code != 200:
        raise HarnessError(
            f"GET {host or ''}{path} answered {response.status_code}: {response.content[:300]!r}"
        )
    return response


def count_queries(client, host, path):
    with CaptureQueriesContext(connection) as queries:
        get(client, host, path)
    return [compact(q["sql"]) for q in queries.captured_queries]


def measure_pages(manifest, runs, warmup):
    """Queries and server-time samples for every page, the pages taken in turn in each run
    so that a slow moment of the machine is shared by all of them."""
    client = Client()
    targets = page_targets(manifest)
    results = {}
    for name, (host, path) in targets.items():
        for _ in range(warmup):  # renditions are made on first view
            get(client, host, path)
        sql = count_queries(client, host, path)
        results[name] = {"host": host, "path": path, "queries": len(sql), "sql": sql, "ms": []}
    for _ in range(runs):
        for name, (host, path) in targets.items():
            results[name]["ms"].append(_timed(client, host, path))
    return results


def moderation_url():
    try:
        return reverse(MODERATION_URL_NAME)
    except NoReverseMatch:
        return MODERATION_FALLBACK_URL


def measure_moderation(comments, runs, warmup):
    """Adds ``comments`` comments, then times the listing's first page for a superuser."""
    start = time.perf_counter()
    total = data.add_moderation_comments(comments)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as after the build
    seeded = time.perf_counter() - start
    client = Client()
    client.force_login(get_user_model().objects.get(username=data.SUPERUSER[0]))
    url = moderation_url()
    result = {"url": url, "comments": total, "seed_seconds": round(seeded, 2)}
    response = client.get(url, follow=True)
    if response.status_code == 404:
        return {**result, "available": False}
    if response.redirect_chain:  # measure where the listing lives now, unless that is a login
        url = result["url"] = response.redirect_chain[-1][0]
        if "login" in url:
            raise HarnessError(f"the moderation listing sent the superuser to {url}")
    if response.status_code != 200:
        raise HarnessError(f"GET {url} answered {response.status_code}")
    for _ in range(warmup):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sql = [compact(q["sql"]) for q in queries.captured_queries]  # read at once: the log moves on
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise HarnessError(f"GET {url} answered {response.status_code}")
    return {
        **result,
        "available": True,
        "queries": len(sql),
        "sql": sql,
        "ms": samples,
    }


def profile_page(manifest, requests, top):
    """Where the typical article's server time goes: ``requests`` uncached views under
    cProfile, after the warm-up, summarised as the functions with the most time of their own
    and the most time below them (the Django template engine, the ORM's compiler, …)."""
    import cProfile
    import pstats

    client = Client()
    host, path = page_targets(manifest)["article: typical"]
    for _ in range(3):
        get(client, host, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        get(client, host, path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt

    def rows(key):
        entries = sorted(stats.stats.items(), key=lambda item: item[1][key], reverse=True)
        return [
            {
                "function": f"{_short(filename)}:{line}({name})",
                "ms_per_request": round(entry[key] * 1000 / requests, 3),
                "share": round(entry[key] / total, 3),
            }
            for (filename, line, name), entry in entries[:top]
        ]

    # pstats entries: (primitive calls, calls, own time, cumulative time, callers)
    return {
        "path": path,
        "requests": requests,
        "ms_per_request": round(total * 1000 / requests, 2),
        "own": rows(2),
        "cumulative": rows(3),
        "areas": _areas(stats, requests),
    }


# Where own time is spent, by package: what "half in the ORM, half in templates" is read from.
AREAS = {
    "ORM and database": ("django/db/",),
    "templates": ("django/template/", "django/templatetags/", "templatetags"),
    "Wagtail": ("wagtail/",),
    "Markdown": ("markdown/", "wagtailmarkdown/", "nh3", "bleach/"),
    "the plugin": ("/blog/", "/therapies/"),
    "Django (request, middleware, rest)": ("django/",),
}


def _areas(stats, requests):
    totals = dict.fromkeys(AREAS, 0.0)
    totals["other"] = 0.0
    for (filename, _, _), entry in stats.stats.items():
        area = next(
            (name for name, parts in AREAS.items() if any(p in filename for p in parts)), "other"
        )
        totals[area] += entry[2]
    return {name: round(seconds * 1000 / requests, 2) for name, seconds in totals.items()}


def _short(filename):
    for marker in ("site-packages/", "/work/", "/main/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return filename


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def measure_first_views(manifest, runs):
    """What the first reader after a change pays: an editor publishes the typical article (a
    new revision, as the admin's Publish makes) or a moderator approves a comment on it,
    then a reader asks for the article (and, after a publish, its blog index) at the site's
    own address. Timed ``runs`` times each, as the server answers it: whatever the app does
    after a change (nothing, or preparing the pages again) happens before: its tasks run as
    they are queued, as an idle task worker takes them (within its poll interval) and in
    this process, whose cache stands for the one production's worker and servers share.

    Two readers: one whose page is built for them (the page cache off: a reader with
    something of their own on the page, an editor), against the same view with nothing
    changed; and an anonymous reader, the usual first reader, through the WSGI front with
    the page cache on, as the production server answers them (``hits``: how many of their
    views the cache answered)."""
    from django.test import override_settings
    from django.utils import timezone
    from wagtail.models import Site

    from blog.comments.models import ReaderComment
    from blog.comments.moderation.moderate import moderate
    from blog.models import ArticlePage

    site = Site.objects.get(is_default_site=True)
    host = site_host(site)
    article = ArticlePage.objects.get(pk=manifest["typical_article"]["id"])
    article_path = manifest["typical_article"]["path"]
    index_path = manifest["listings"]["blog index"]
    moderator = get_user_model().objects.get(username=data.SUPERUSER[0])
    client = Client()
    front = _front()
    for _ in range(3):  # the pages as readers left them, before the first change
        for path in (article_path, index_path):
            get(client, host, path)
    samples = {
        "article, nothing changed": [],
        "index, nothing changed": [],
        "article after publishing": [],
        "index after publishing": [],
        "article after approving": [],
        "article after saving a draft": [],
    }
    anonymous = {f"anonymous: {name}": [] for name in list(samples)[:5]}
    hits = dict.fromkeys(anonymous, 0)

    def change(n):
        article.summary = f"{article.summary.split(' (')[0]} ({n})"
        article.save_revision().publish()

    def approve(n, who):
        comment = ReaderComment.objects.create(
            page=article,
            name="First view",
            email=f"first-{who}-{n}@example.org",
            body=f"Comment {who} {n}",
            created_at=timezone.now(),
        )
        moderate(ReaderComment.objects.filter(pk=comment.pk), "approve", moderator)

    def anonymous_view(name, path):
        ms, hit = _timed_front(front, site, path)
        anonymous[f"anonymous: {name}"].append(ms)
        hits[f"anonymous: {name}"] += hit

    with override_settings(TASKS=IMMEDIATE_TASKS):
        for n in range(runs):
            # The yardstick, in the same process and moments: the same views with no change.
            for _ in range(3):
                samples["article, nothing changed"].append(_timed(client, host, article_path))
                samples["index, nothing changed"].append(_timed(client, host, index_path))
            # A control: the editor's work without any change readers see (nothing is stale).
            article.save_revision()
            samples["article after saving a draft"].append(_timed(client, host, article_path))
            change(n)
            samples["article after publishing"].append(_timed(client, host, article_path))
            samples["index after publishing"].append(_timed(client, host, index_path))
            approve(n, "session")
            samples["article after approving"].append(_timed(client, host, article_path))
            with override_settings(WELLNESS_PAGE_CACHE=True):
                for _ in range(3):
                    anonymous_view("article, nothing changed", article_path)
                    anonymous_view("index, nothing changed", index_path)
                change(f"{n}a")
                anonymous_view("article after publishing", article_path)
                anonymous_view("index after publishing", index_path)
                approve(n, "anonymous")
                anonymous_view("article after approving", article_path)
    return {"host": host, "ms": {**samples, **anonymous}, "hits": hits}


def _timed(client, host, path):
    start = time.perf_counter()
    get(client, host, path)
    return (time.perf_counter() - start) * 1000


def site_host(site):
    """The Host header a reader's browser sends for ``site``."""
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def _front():
    """The site's WSGI application behind the page cache's front, as config/wsgi.py has it."""
    from django.core.wsgi import get_wsgi_application

    from blog.pagecache.wsgi import PageCacheApplication

    return PageCacheApplication(get_wsgi_application())


def _front_get(application, site, path):
    """GET ``path`` through ``application`` as a first-time reader (no cookies) at the
    site's address: whether the page cache answered it."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": site.hostname,
        "SERVER_PORT": str(site.port),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": site_host(site),
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": BytesIO(),
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, cache=dict(headers).get("X-Wellness-Cache"))

    b"".join(application(environ, start_response))
    if not answer["status"].startswith("200"):
        raise HarnessError(f"GET {path} through the page cache answered {answer['status']}")
    return answer["cache"] == "hit"


def _timed_front(application, site, path):
    start = time.perf_counter()
    hit = _front_get(application, site, path)
    return (time.perf_counter() - start) * 1000, hit


def measure_hit(manifest, hits):
    """A page cache hit as the WSGI front answers it, in process: µs per hit (the median of
    five batches of ``hits``) and how many cache keys one hit reads."""
    import statistics
    from unittest import mock

    from django.test import override_settings
    from wagtail.models import Site

    from blog.core import versioned

    site = Site.objects.get(is_default_site=True)
    path = manifest["typical_article"]["path"]
    with override_settings(WELLNESS_PAGE_CACHE=True):
        application = _front()
        for _ in range(3):  # the first builds and stores the page
            hit = _front_get(application, site, path)
        if not hit:
            raise HarnessError(f"GET {path} with the page cache on was not answered by it")
        cache = versioned.backend()
        with mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many:
            _front_get(application, site, path)
        keys = sum(len(call.args[0]) for call in get_many.call_args_list)
        batches = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(hits):
                _front_get(application, site, path)
            batches.append((time.perf_counter() - start) / hits * 1e6)
    return {
        "path": path,
        "us_per_hit": round(statistics.median(batches), 1),
        "batches_us": batches,
        "cache_keys_read": keys,
    }
