"""In-process measurements with Django's test client: queries per page and server time.

"Server time" is the wall time of ``Client.get()``: Wagtail's routing, the view, the
templates and every query, without any network or web server in between.
"""

import re
import time

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


def get(client, host, path):
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
            start = time.perf_counter()
            get(client, host, path)
            results[name]["ms"].append((time.perf_counter() - start) * 1000)
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
