"""How long a WordPress import takes, how many queries it makes per post and how much memory
it needs: ``python -m bench.import_wordpress`` (``make bench-import``).

For each size (by default 300 posts with 3,000 comments, then 5,000 posts with 50,000) it
writes a WXR file (nested comment threads, every status, some pingbacks and trackbacks, a
featured picture for every tenth post in a media folder, block-editor markup, a caption and
an embed in every post) and imports it twice into a throwaway SQLite database (bench.settings
in a temporary directory): once into an empty site, once more (nothing changes). Each size
is imported by a process of its own, whose peak resident memory is the figure given: what
the importing process held at its largest, Django and Wagtail included. Nothing is fetched
over the network.
"""

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from .words import WORDS

STATUSES = ["1"] * 7 + ["0", "spam", "trash"]
SIZES = [(300, 3000), (5000, 50000)]
TARGET_PEAK_MB = 300


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def post_body(rng, number, picture):
    sections = ["<!-- wp:paragraph -->", f"<p>{sentence(rng, 30)}</p>", "<!-- /wp:paragraph -->"]
    for section in range(3):
        sections.append(f"<h2>Section {section + 1} of post {number}</h2>")
        sections.append(f"<p>{sentence(rng, 40)} <strong>{sentence(rng, 3)}</strong></p>")
    items = "".join(
        f"<li><strong>{rng.choice(WORDS).title()}:</strong> {sentence(rng, 8)}</li>"
        for _ in range(4)
    )
    sections.append(f"<ul>{items}</ul><blockquote><p>{sentence(rng)}</p></blockquote>")
    sections.append(
        f'[caption width="300"]<img src="{picture}" alt="{sentence(rng, 4)}" /> '
        f"{sentence(rng, 6)}[/caption]"
    )
    sections.append(f"[embed]https://www.youtube.com/watch?v=bench{number}[/embed]")
    return "\n\n".join(sections)


def comments_xml(rng, count, first_id):
    rows, ids = [], []
    for n in range(count):
        comment_id = first_id + n
        parent = rng.choice(ids[-3:]) if ids and rng.random() < 0.5 else 0
        kind = "pingback" if rng.random() < 0.03 else "trackback" if rng.random() < 0.02 else ""
        rows.append(
            f"""<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>
<wp:comment_author><![CDATA[Reader {comment_id}]]></wp:comment_author>
<wp:comment_author_email>reader{comment_id}@example.com</wp:comment_author_email>
<wp:comment_date_gmt>2024-05-{1 + n % 28:02d} 10:{n % 60:02d}:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[{sentence(rng, 20)}]]></wp:comment_content>
<wp:comment_approved>{rng.choice(STATUSES)}</wp:comment_approved>
<wp:comment_type>{kind}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""
        )
        ids.append(comment_id)
    return "".join(rows)


def write_wxr(path, media, posts, comments, seed=1):
    """The export, written item by item (it is read as a stream, and written as one)."""
    rng = random.Random(seed)
    from PIL import Image

    per_post = [comments // posts + (1 if n < comments % posts else 0) for n in range(posts)]
    authors = "".join(
        f"<wp:author><wp:author_login>author{a}</wp:author_login>"
        f"<wp:author_display_name>Author {a}</wp:author_display_name></wp:author>"
        for a in range(4)
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><link>http://bench-blog.test</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench-blog.test</wp:base_site_url>
<wp:base_blog_url>http://bench-blog.test</wp:base_blog_url>
{authors}"""
        )
        next_comment = 1
        for n in range(posts):
            number = n + 1
            day = f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"
            picture = f"http://bench-blog.test/wp-content/uploads/2023/hero-{n // 10 * 10 + 1}.jpg"
            meta = ""
            if n % 10 == 0:
                attachment = 100_000 + number
                file = media / f"2023/hero-{number}.jpg"
                file.parent.mkdir(parents=True, exist_ok=True)
                Image.new("RGB", (160, 90), (n % 256, 120, 160)).save(file, "JPEG")
                out.write(
                    f"""<item><title>Hero {number}</title><wp:post_id>{attachment}</wp:post_id>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>{picture}</wp:attachment_url>
</item>"""
                )
                meta = (
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>"
                )
            status = "draft" if n % 25 == 0 else "publish"
            out.write(
                f"""<item><title>{escape(sentence(rng, 6))}</title>
<link>http://bench-blog.test/{day.replace("-", "/")}/post-{number}/</link>
<dc:creator>author{n % 4}</dc:creator>
<guid isPermaLink="false">http://bench-blog.test/?p={number}</guid>
<content:encoded><![CDATA[{post_body(rng, number, picture)}]]></content:encoded>
<excerpt:encoded><![CDATA[{sentence(rng, 15)}]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date>{day} 09:00:00</wp:post_date>
<wp:post_date_gmt>{day} 08:00:00</wp:post_date_gmt><wp:post_name>post-{number}</wp:post_name>
<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="c{n % 5}"><![CDATA[Category {n % 5}]]></category>
<category domain="post_tag" nicename="t{n % 20}"><![CDATA[tag {n % 20}]]></category>
{meta}{comments_xml(rng, per_post[n], next_comment)}</item>"""
            )
            next_comment += per_post[n]
        out.write("</channel></rss>")


def peak_mb():
    """The process's peak resident memory so far (Linux reports it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_import(path, media):
    from django.core.management import call_command
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    out = io.StringIO()
    with connection.execute_wrapper(count):
        started = time.perf_counter()
        call_command("import_wordpress", str(path), media_dir=str(media), no_fetch=True, stdout=out)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "queries": queries, "peak_mb": peak_mb(), "output": out.getvalue()}


def import_twice(scratch):
    """In a process of its own: a fresh site, then the export imported twice."""
    os.environ["BENCH_DIR"] = scratch
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from blog.comments.models import ReaderComment
    from blog.models import ArticlePage, BlogIndexPage

    call_command("migrate", interactive=False, verbosity=0)
    blog = BlogIndexPage(title="Blog", slug="blog")
    Page.get_first_root_node().add_child(instance=blog)
    blog.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = blog
    site.save()
    ready_mb = peak_mb()
    wxr, media = Path(scratch) / "export.xml", Path(scratch) / "uploads"
    first = timed_import(wxr, media)
    articles, comments = ArticlePage.objects.count(), ReaderComment.objects.count()
    second = timed_import(wxr, media)
    print(
        json.dumps(
            {
                "ready_mb": ready_mb,
                "articles": articles,
                "comments": comments,
                "first": first,
                "second": second,
            }
        )
    )


def measure(posts, comments):
    with tempfile.TemporaryDirectory(prefix="wellness-bench-import-") as scratch:
        wxr, media = Path(scratch) / "export.xml", Path(scratch) / "uploads"
        write_wxr(wxr, media, posts, comments)
        size = wxr.stat().st_size / 1024 / 1024
        child = subprocess.run(
            [sys.executable, "-m", "bench.import_wordpress", "--import-into", scratch],
            check=True,
            capture_output=True,
            text=True,
        )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    print(result["first"]["output"], file=sys.stderr)
    print(
        f"WXR: {posts} posts, {comments} comments ({size:.1f} MB); imported "
        f"{result['articles']} articles and {result['comments']} comments (pingbacks and "
        "trackbacks skipped)"
    )
    for label, run in (
        ("first import (empty site)", result["first"]),
        ("second import (unchanged)", result["second"]),
    ):
        print(
            f"  {label}: {run['seconds']:.1f} s, {run['seconds'] / posts * 1000:.0f} ms per "
            f"post, {run['queries']} queries, {run['queries'] / posts:.1f} per post"
        )
    peak = max(result["first"]["peak_mb"], result["second"]["peak_mb"])
    verdict = "within" if peak < TARGET_PEAK_MB else "OVER"
    print(
        f"  peak memory of the importing process: {peak:.0f} MB ({verdict} the "
        f"{TARGET_PEAK_MB} MB target; {result['ready_mb']:.0f} MB before the import began)"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.import_wordpress")
    parser.add_argument("--posts", type=int, help="one size only: this many posts")
    parser.add_argument("--comments", type=int, help="one size only: this many comments")
    parser.add_argument("--import-into", help=argparse.SUPPRESS)  # the importing process
    args = parser.parse_args(argv)
    if args.import_into:
        import_twice(args.import_into)
        return
    sizes = SIZES
    if args.posts or args.comments:
        posts = args.posts or SIZES[0][0]
        sizes = [(posts, args.comments if args.comments is not None else posts * 10)]
    for posts, comments in sizes:
        measure(posts, comments)


if __name__ == "__main__":
    main()
