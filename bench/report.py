"""The table of ``make bench``: every figure against its target, the profile's summary, the
chart's series, and the files a run writes."""

import datetime
import json

from . import chart

TARGETS = {
    "article_queries": 12,
    "listing_queries": 12,
    "listing_growth": 1.3,
    "all_of_these_ratio": 1.5,
    "uncached_share": 0.05,
    "cached_share": 0.90,
    "session_reader_share": 0.80,
    "moderation_queries": 20,
    "moderation_ms": 150,
    # On PostgreSQL: the app's posting rate as a share of the floor's in the same run (issue 23
    # restated the 300 a second of issue 14 so, as pages are stated against the ceiling).
    "posting_floor_share": 0.50,
    "posts_per_second_sqlite": 100,
}


# The table


def ms(entry, digits=1):
    t = entry["time"]
    return f"{t['median']:.{digits}f} ms [{t['p10']:.{digits}f}–{t['p90']:.{digits}f}]"


def queries(entry):
    values = sorted(set(entry["queries"]))
    return "/".join(map(str, values))  # more than one value: it varied between rounds


def met(condition):
    return "yes" if condition else "no"


def targets(results, sizes):
    """(figure, target, measured, met) for the table; met is yes, no or — (no target)."""
    small, large = (str(s) for s in sizes)
    pages = results["pages"]
    rows = []
    q = TARGETS["article_queries"]
    both = f"{int(small):,} · {int(large):,} articles"
    rows.append(("Figures a · b", "", f"at {both}", ""))

    variants = [n for n in pages[large] if n.startswith("article: ") and n != "article: typical"]
    base = {size: pages[size]["article: base"]["queries"] for size in (small, large)}
    for name in [*variants, "article: typical"]:
        counts = {size: pages[size][name]["queries"] for size in (small, large)}
        worst = max(max(c) for c in counts.values())
        label = name.removeprefix("article: ")
        if name == "article: base":
            target, ok = f"≤ {q}", worst <= q
        elif name == "article: typical":
            target, ok = f"≤ {q}", worst <= q
            label = "typical (2 authors, 2 techniques, 3 tags, 12 comments)"
        else:
            same = all(set(counts[s]) == set(base[s]) for s in counts)
            target, ok = f"≤ {q}, = base", worst <= q and same
        measured = f"{queries(pages[small][name])} · {queries(pages[large][name])}"
        rows.append((f"Article queries: {label}", target, measured, met(ok)))
    for name in ("article: typical", "article: all of these"):
        rows.append(
            (
                f"Article server time: {name.removeprefix('article: ')}",
                "—",
                f"{ms(pages[small][name])} · {ms(pages[large][name])}",
                "—",
            )
        )

    typical, everything = pages[large]["article: typical"], pages[large]["article: all of these"]
    ratio = everything["time"]["median"] / typical["time"]["median"]
    rows.append(
        (
            "Article server time: all of these ÷ typical",
            f"≤ {TARGETS['all_of_these_ratio']}×",
            f"×{ratio:.2f} (at {int(large):,} articles)",
            met(ratio <= TARGETS["all_of_these_ratio"]),
        )
    )
    # The first reader after a change, against the same view with nothing changed, timed in
    # the same process: met when its median is within the unchanged view's p90.
    first = results["first_views"]
    for name, yardstick in (
        ("article after publishing", "article, nothing changed"),
        ("index after publishing", "index, nothing changed"),
        ("article after approving", "article, nothing changed"),
    ):
        after, before = first[name], first[yardstick]
        rows.append(
            (
                f"First view (page cache off), {name}",
                "≤ unchanged view (p90)",
                f"{ms(after)} against {ms(before)}",
                met(after["time"]["median"] <= before["time"]["p90"]),
            )
        )
    # The usual first reader, anonymous, as the production server answers them (the page
    # cache on): against the uncached figure, the typical article built for its request.
    uncached = typical["time"]
    for name in ("article after publishing", "index after publishing", "article after approving"):
        if (view := first.get(f"anonymous: {name}")) is None:
            continue
        rows.append(
            (
                f"First view, anonymous reader (page cache on), {name}",
                f"≤ uncached article ({uncached['median']:.1f} ms)",
                f"{ms(view, digits=2)}, {view['hits']} of {len(view['ms'])} from the cache",
                met(view["time"]["median"] <= uncached["median"]),
            )
        )
    if control := first.get("article after saving a draft"):  # what the editor's work costs
        rows.append(
            (
                "First view, article after saving a draft (a control: nothing goes stale)",
                "—",
                ms(control),
                "—",
            )
        )

    for name in ("blog index", "technique page", "author page"):
        s, b = pages[small][name], pages[large][name]
        lq = TARGETS["listing_queries"]
        same = set(s["queries"]) == set(b["queries"])
        ok = same and max(s["queries"] + b["queries"]) <= lq
        rows.append(
            (
                f"{name.capitalize()}: queries",
                f"≤ {lq}, same",
                f"{queries(s)} · {queries(b)}",
                met(ok),
            )
        )
        growth = b["time"]["median"] / s["time"]["median"]
        rows.append(
            (
                f"{name.capitalize()}: server time",
                f"b ≤ {TARGETS['listing_growth']}× a",
                f"{ms(s)} · {ms(b)} = ×{growth:.2f}",
                met(growth <= TARGETS["listing_growth"]),
            )
        )

    m = results["moderation"]
    label = f"Moderation listing ({m['comments']:,} comments)"
    if m.get("available"):
        rows.append(
            (
                f"{label}: queries",
                f"≤ {TARGETS['moderation_queries']}",
                str(m["queries"]),
                met(m["queries"] <= TARGETS["moderation_queries"]),
            )
        )
        rows.append(
            (
                f"{label}: server time",
                f"≤ {TARGETS['moderation_ms']} ms",
                f"{m['time']['median']:.1f} ms [{m['time']['p10']:.1f}–{m['time']['p90']:.1f}]",
                met(m["time"]["median"] <= TARGETS["moderation_ms"]),
            )
        )
    else:
        rows.append((label, "", f"not available ({m['url']} answered 404)", "n/a"))

    t = results["throughput"]["rows"]
    tool = results["throughput"]["tool"]
    sizes = results["throughput"]["bytes_by_coding"]
    rows.append(
        (
            "The article's size: uncompressed · gzip · brotli",
            "—",
            " · ".join(f"{sizes[coding]:,} B" for coding in ("identity", "gzip", "br")),
            "—",
        )
    )
    rows.append(
        (
            f"Static ceiling ({tool}, same bytes as a cache hit for a browser, same gunicorn)",
            "—",
            f"{t['static ceiling']['requests_per_second']:,.0f} req/s",
            "—",
        )
    )
    for name, share in (
        ("uncached article", TARGETS["uncached_share"]),
        ("cached article", TARGETS["cached_share"]),
    ):
        row = t[name]
        rows.append(
            (
                f"Throughput: {name}",
                f"≥ {share:.0%} of ceiling",
                f"{row['requests_per_second']:,.0f} req/s = {row['share_of_ceiling']:.1%} "
                f"[{min(row['shares_by_round']):.1%}–{max(row['shares_by_round']):.1%}]",
                met(row["share_of_ceiling"] >= share),
            )
        )

    views = results["reader_journey"]
    after = [view for view in views if view["when"] == "after commenting"]
    share = sum(view["hit"] for view in views) / len(views)
    rows.append(
        (
            "A reader who comments: page views from the cache",
            f"≥ {TARGETS['session_reader_share']:.0%}",
            f"{sum(v['hit'] for v in views)} of {len(views)} = {share:.0%} "
            f"({sum(v['hit'] for v in after)} of {len(after)} after commenting)",
            met(share >= TARGETS["session_reader_share"]),
        )
    )

    p = results["posting"]
    rows.append(
        (
            f"Comment posting on SQLite ({p['clients']} clients)",
            f"≥ {TARGETS['posts_per_second_sqlite']}/s",
            f"{p['posts_per_second']:,.1f} posts/s{cpu_per_post(p)}",
            met(p["posts_per_second"] >= TARGETS["posts_per_second_sqlite"]),
        )
    )
    if "postgres_posting" in results:
        pg = results["postgres_posting"]
        floor = results["postgres_posting_floor"]
        share = pg["posts_per_second"] / floor["posts_per_second"]
        rows.append(
            (
                f"Comment posting on PostgreSQL and Redis ({pg['clients']} clients)",
                f"≥ {TARGETS['posting_floor_share']:.0%} of the floor, none lost",
                f"{pg['posts_per_second']:,.1f} posts/s{cpu_per_post(pg)} = {share:.0%}, "
                f"{pg['errors'] + pg['dropped']} errors, {pg['lost']} lost of {pg['accepted']:,}",
                met(
                    share >= TARGETS["posting_floor_share"]
                    and pg["errors"] + pg["dropped"] == 0
                    and pg["lost"] == 0
                ),
            )
        )
        rows.append(
            (
                "Posting floor on PostgreSQL: Django's own insert and session write",
                "—",
                f"{floor['posts_per_second']:,.1f} posts/s{cpu_per_post(floor)}",
                "—",
            )
        )
    rows.append(
        (
            "Comment posting: errors, lost",
            "0, 0",
            f"{p['errors'] + p['dropped']} errors, {p['lost']} lost "
            f"({p['accepted']:,} accepted, {p['stored_of_accepted']:,} of them stored, "
            f"{p['new_rows']:,} new rows)",
            met(p["errors"] + p["dropped"] == 0 and p["lost"] == 0 and not p["unreported_rows"]),
        )
    )
    return rows


def cpu_per_post(posting):
    if (cpu := posting.get("workers_cpu_ms_per_post")) is None:
        return ""
    return f" ({cpu:.1f} ms of the workers' CPU a post)"


def table(rows):
    header = ("Figure", "Target", "Measured", "Met")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)]
    )


def profile_summary(profile, top=8):
    """Where the typical article's uncached server time goes, under cProfile."""
    areas = ", ".join(f"{name} {ms:.2f}" for name, ms in profile["areas"].items() if ms >= 0.01)
    lines = [
        f"Profile of the typical article, uncached ({profile['requests']} requests under "
        f"cProfile, {profile['ms_per_request']:.1f} ms each with the profiler's overhead).",
        f"Own time by area, ms per request: {areas}.",
        "Most own time:",
    ]
    lines += [
        f"  {row['ms_per_request']:7.3f} ms {row['share']:6.1%}  {row['function']}"
        for row in profile["own"][:top]
    ]
    if hit := profile.get("hit"):
        lines.append(
            f"A page cache hit in the WSGI front, in process: {hit['us_per_hit']:.1f} µs "
            f"(median of five batches), {hit['cache_keys_read']} cache keys read."
        )
    return "\n".join(lines)


def chart_series(results, sizes):
    names = {
        "blog index": "Blog index",
        "technique page": "Technique page",
        "author page": "Author page",
        "article: typical": "Article (typical)",
    }
    return {
        label: [
            (
                size,
                results["pages"][str(size)][name]["time"]["median"],
                results["pages"][str(size)][name]["time"]["p10"],
                results["pages"][str(size)][name]["time"]["p90"],
            )
            for size in sizes
        ]
        for name, label in names.items()
    }


def write_results(results, sizes, directory):
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(results, indent=1, default=str)
    (directory / "latest.json").write_text(text)
    (directory / f"run-{stamp}.json").write_text(text)
    markdown = []
    if "targets" in results:  # not a run of the scale phase alone
        svg = chart.server_time_svg(
            chart_series(results, sizes),
            f"Server time per page against number of articles ({results['meta']['profile']} run)",
            budget={
                n: TARGETS["listing_growth"]
                for n in ("Blog index", "Technique page", "Author page")
            },
        )
        (directory / "server-time.svg").write_text(svg)
        markdown += [table(results["targets"]), profile_summary(results["profile"])]
    if "scale_targets" in results:
        markdown.append(
            "The network at scale, on PostgreSQL and Redis:\n\n" + table(results["scale_targets"])
        )
    (directory / "latest.md").write_text("\n\n".join(markdown) + "\n")
    return directory


# The scale phase: a network of blogs on PostgreSQL at each size (bench.scale)

SCALE_TARGETS = {
    "build_seconds": 15 * 60,
    "growth": 1.3,
    "search_ms": 100,
    "moderation_queries": TARGETS["moderation_queries"],
    "moderation_ms": TARGETS["moderation_ms"],
}
SITEMAP_PARTS = ("sitemap part: first", "sitemap part: last")
SEARCHES = ("search", "search, page 2", "API search", "search, a rare word")
# Each against the 10-article blog's page built the same way: the plain address is kept
# rendered (blog.core.fragments), an address with a query string rendered for its request.
BLOG_PAGES = {
    "big blog: first page": "10-article blog",
    "big blog: deep page": "10-article blog, ?page=1",
}
LISTINGS = (
    "technique page",
    "author page",
    "API article listing",
    "feed: blog RSS",
    "feed: blog Atom",
    "feed: technique RSS",
    "feed: author RSS",
    "feed: tag RSS",
)
MODERATION = (
    "moderation: queue (with its tab counts)",
    "moderation: tab counts",
    "moderation: all comments",
    "moderation: a commenter's comments",
)


def scale_targets(scale):
    """(figure, target, measured at each size, met) for the scale phase's table."""
    sizes = list(scale["sizes"])
    by_size = [scale["sizes"][size] for size in sizes]
    pages = [size["pages"] for size in by_size]
    largest = pages[-1]
    dot = " · ".join
    g = SCALE_TARGETS["growth"]
    rows = [
        (
            "Figures a · b · c",
            "",
            "at "
            + dot(
                f"{s['build']['articles']:,} articles, {s['build']['comments']:,} comments"
                for s in by_size
            ),
            "",
        )
    ]
    build = scale["setup_seconds"]
    for size in by_size:
        steps = size["build"]["steps"]
        seconds = size["build"].get("seconds", sum(steps.values()))
        build += seconds
        rows.append(
            (
                f"Build: growing to {size['build']['articles']:,} articles",
                "—",
                f"{seconds:.0f} s: "
                + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in steps.items()),
                "—",
            )
        )
    rows.append(
        (
            f"Build: the whole network (setup {scale['setup_seconds']:.0f} s and every step)",
            f"< {SCALE_TARGETS['build_seconds'] // 60} min",
            f"{build / 60:.1f} min",
            met(build < SCALE_TARGETS["build_seconds"]),
        )
    )

    def row(name, target, ok, note=""):
        entries = [p[name] for p in pages]
        measured = f"{dot(str(e['queries']) for e in entries)} queries; " + dot(
            f"{e['time']['median']:.1f}" for e in entries
        )
        rows.append((name, target, f"{measured} ms{note}", met(ok)))

    def constant(*names):
        return len({p[n]["queries"] for p in pages for n in names}) == 1

    def median(entry):
        return entry["time"]["median"]

    def growth_row(name):
        growth = median(largest[name]) / median(pages[0][name])
        row(
            name,
            f"same queries; ≤ {g}× the first size",
            constant(name) and growth <= g,
            f" (×{growth:.2f})",
        )

    sitemap = "sitemap index" if "sitemap index" in largest else "sitemap (one part)"
    row(sitemap, "same queries", constant(sitemap))
    for name in SITEMAP_PARTS:
        if name in largest:
            growth_row(name)
    for name in SEARCHES:
        ms = SCALE_TARGETS["search_ms"]
        total = f", {largest[name]['total']:,} found" if "total" in largest[name] else ""
        row(name, f"≤ {ms} ms, same queries", constant(name) and median(largest[name]) <= ms, total)
    for name, baseline in BLOG_PAGES.items():
        ratios = [median(p[name]) / median(p[baseline]) for p in pages]
        row(
            name,
            f"same queries as the {baseline}; ≤ {g}× its time",
            constant(name, baseline) and max(ratios) <= g,
            f" (×{dot(f'{r:.2f}' for r in ratios)}; {largest[name]['path']})",
        )
    for baseline in BLOG_PAGES.values():
        row(baseline, "the baseline", True)
        rows[-1] = (*rows[-1][:3], "—")
    for name in LISTINGS:
        growth_row(name)
    q, ms = SCALE_TARGETS["moderation_queries"], SCALE_TARGETS["moderation_ms"]
    for name in MODERATION:
        entry = largest[name]
        row(name, f"≤ {q} queries, ≤ {ms} ms", entry["queries"] <= q and median(entry) <= ms)
    return rows
