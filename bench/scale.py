"""The scale phase's measurements (bench.run's ``scale``), in process at one size of the
network bench.network grew: the sitemap's index and parts, site and API search, the blogs'
first and deep pages against the 10-article blog, a technique's and an author's articles, the
API's listing, every feed, and the moderation listing with its tab counts and a commenter's
comments. The page cache off, the object caches on Redis as in production."""

import re
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from blog.comments.moderation.permissions import moderatable
from blog.listings import ARTICLES_PER_PAGE
from blog.models import BlogIndexPage

from . import data, measure

RARE_QUERY = "part 7"  # the 8th article of each blog is titled "…, part 7"
DEEP_PAGE = 4000  # or the big blog's last page, where it has fewer
EXPLAIN_FROM_MS = 20  # the slowest query of a request gets PostgreSQL's plan from this long


def reader_targets(manifest):
    """name -> path, for an anonymous reader of the network's site."""
    big = manifest["big_blog"]
    pages = -(-manifest["big_blog_articles"] // ARTICLES_PER_PAGE)
    deep = min(DEEP_PAGE, pages)
    words = " ".join(manifest["search_words"])
    feed = BlogIndexPage.feed_path
    subjects = {
        "technique": manifest["technique_slug"],
        "author": manifest["author_slug"],
        "tag": manifest["tag_slug"],
    }
    return {
        "search": f"/search/?{urlencode({'q': words})}",
        "search, page 2": f"/search/?{urlencode({'q': words, 'page': 2})}",
        "API search": f"/api/v2/articles/?{urlencode({'search': words})}",
        # Every generated article has every word of the common pair: the worst case, a
        # ranking of them all. A real query finds a few: a number in a few titles.
        "search, a rare word": f"/search/?{urlencode({'q': RARE_QUERY})}",
        "big blog: first page": big,
        "big blog: deep page": f"{big}?page={deep}",
        "10-article blog": manifest["baseline_blog"],
        # A listing with a query string is rendered for its request, never kept (the plain
        # address is: blog.core.fragments): the deep page's like-for-like baseline.
        "10-article blog, ?page=1": f"{manifest['baseline_blog']}?page=1",
        "technique page": manifest["technique"],
        "author page": manifest["author"],
        "API article listing": "/api/v2/articles/",
        "feed: blog RSS": big + feed("rss").lstrip("/"),
        "feed: blog Atom": big + feed("atom").lstrip("/"),
        **{
            f"feed: {kind} RSS": big + feed("rss", kind, slug).lstrip("/")
            for kind, slug in subjects.items()
        },
    }


def sitemap_targets(client):
    """The sitemap's address, and its first and last parts where it has an index of them."""
    index = measure.get(client, None, "/sitemap.xml").content.decode()
    parts = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", index)
    if not parts:
        return {"sitemap (one part)": "/sitemap.xml"}
    path = re.compile(r"^https?://[^/]+")
    return {
        "sitemap index": "/sitemap.xml",
        "sitemap part: first": path.sub("", parts[0]),
        "sitemap part: last": path.sub("", parts[-1]).replace("&amp;", "&"),
    }


def moderation_targets(manifest):
    url = measure.moderation_url()
    commenter = urlencode({"status": "", "q": manifest["regular_email"]})
    return {
        "moderation: queue (with its tab counts)": url,
        "moderation: all comments": f"{url}?status=",
        "moderation: a commenter's comments": f"{url}?{commenter}",
    }


def measure_paths(client, targets, runs, warmup, anonymous):
    """Queries and the median server time of each of ``targets``, taken in turn."""
    results = {}
    for name, path in targets.items():
        for _ in range(warmup):
            measure.get(client, None, path, anonymous)
        with CaptureQueriesContext(connection) as queries:
            response = measure.get(client, None, path, anonymous)
        sql = [measure.compact(q["sql"]) for q in queries.captured_queries]
        results[name] = {
            "path": path,
            "queries": len(sql),
            "sql": sql,
            "slowest": slowest(queries.captured_queries),
            "ms": [],
            **facts(response),
        }
    for _ in range(runs):
        for name, path in targets.items():
            start = time.perf_counter()
            measure.get(client, None, path, anonymous)
            results[name]["ms"].append((time.perf_counter() - start) * 1000)
    return results


def slowest(captured):
    """A request's slowest query, with PostgreSQL's plan of it (run again, with ANALYZE) where
    it took ``EXPLAIN_FROM_MS`` or more: what a missed target is read from."""
    if not captured:
        return None
    query = max(captured, key=lambda q: float(q["time"]))
    result = {"ms": round(float(query["time"]) * 1000, 1), "sql": query["sql"]}
    if result["ms"] >= EXPLAIN_FROM_MS and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            result["plan"] = [row[0] for row in cursor.fetchall()]
    return result


def facts(response):
    """What shows that a search found, ranked and paginated: its result count."""
    if response["Content-Type"].startswith("application/json"):
        return {"total": response.json()["meta"]["total_count"]}
    found = re.search(rb"([\d,]+) results? for", response.content)
    return {"total": int(found[1].replace(b",", b""))} if found else {}


def measure_tab_counts(user, runs):
    """The moderation listing's tab counts alone: queries and server time."""
    with CaptureQueriesContext(connection) as queries:
        counts = moderatable(user).status_counts()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        moderatable(user).status_counts()
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "path": "status_counts()",
        "queries": len(queries.captured_queries),
        "sql": [measure.compact(q["sql"]) for q in queries.captured_queries],
        "ms": samples,
        "counts": counts,
    }


def measure_network(manifest, runs, warmup, moderation_runs):
    reader = Client()
    targets = {**sitemap_targets(reader), **reader_targets(manifest)}
    results = measure_paths(reader, targets, runs, warmup, anonymous=True)
    moderator = get_user_model().objects.get(username=data.SUPERUSER[0])
    client = Client()
    client.force_login(moderator)
    results.update(
        measure_paths(client, moderation_targets(manifest), moderation_runs, 1, anonymous=False)
    )
    results["moderation: tab counts"] = measure_tab_counts(moderator, moderation_runs)
    return results
