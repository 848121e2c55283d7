"""How long a WordPress import of a few hundred posts and a few thousand comments takes, and
how many queries it makes per post: ``python -m bench.import_wordpress`` (``make
bench-import``).

It writes a WXR file of ``--posts`` posts with ``--comments`` comments in all (nested
threads, every status, some pingbacks and trackbacks), a featured picture for every tenth
post in a media folder, and imports it twice into a throwaway SQLite database (bench.settings
in a temporary directory): once into an empty site, once more (nothing changes). Nothing is
fetched over the network.
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from .words import WORDS

STATUSES = ["1"] * 7 + ["0", "spam", "trash"]


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def post_body(rng, number):
    sections = []
    for section in range(3):
        sections.append(f"<h2>Section {section + 1} of post {number}</h2>")
        sections.append(f"<p>{sentence(rng, 40)} <strong>{sentence(rng, 3)}</strong></p>")
    items = "".join(
        f"<li><strong>{rng.choice(WORDS).title()}:</strong> {sentence(rng, 8)}</li>"
        for _ in range(4)
    )
    sections.append(f"<ul>{items}</ul><blockquote><p>{sentence(rng)}</p></blockquote>")
    return "".join(sections)


def comments_xml(rng, post, count, first_id):
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
    rng = random.Random(seed)
    from PIL import Image

    per_post = [comments // posts + (1 if n < comments % posts else 0) for n in range(posts)]
    items, next_comment = [], 1
    for n in range(posts):
        number = n + 1
        day = f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"
        meta = ""
        if n % 10 == 0:
            attachment = 100_000 + number
            picture = media / f"2023/hero-{number}.jpg"
            picture.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (160, 90), (n % 256, 120, 160)).save(picture, "JPEG")
            items.append(
                f"""<item><title>Hero {number}</title><wp:post_id>{attachment}</wp:post_id>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>http://bench-blog.test/wp-content/uploads/2023/hero-{number}.jpg</wp:attachment_url>
</item>"""
            )
            meta = (
                "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                f"<wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>"
            )
        status = "draft" if n % 25 == 0 else "publish"
        items.append(
            f"""<item><title>{escape(sentence(rng, 6))}</title>
<link>http://bench-blog.test/{day.replace("-", "/")}/post-{number}/</link>
<dc:creator>author{n % 4}</dc:creator>
<guid isPermaLink="false">http://bench-blog.test/?p={number}</guid>
<content:encoded><![CDATA[{post_body(rng, number)}]]></content:encoded>
<excerpt:encoded><![CDATA[{sentence(rng, 15)}]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date>{day} 09:00:00</wp:post_date>
<wp:post_date_gmt>{day} 08:00:00</wp:post_date_gmt><wp:post_name>post-{number}</wp:post_name>
<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="c{n % 5}"><![CDATA[Category {n % 5}]]></category>
<category domain="post_tag" nicename="t{n % 20}"><![CDATA[tag {n % 20}]]></category>
{meta}{comments_xml(rng, number, per_post[n], next_comment)}</item>"""
        )
        next_comment += per_post[n]
    authors = "".join(
        f"<wp:author><wp:author_login>author{a}</wp:author_login>"
        f"<wp:author_display_name>Author {a}</wp:author_display_name></wp:author>"
        for a in range(4)
    )
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><link>http://bench-blog.test</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>http://bench-blog.test</wp:base_blog_url>
{authors}{"".join(items)}</channel></rss>""",
        encoding="utf-8",
    )


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
    return seconds, queries, out.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.import_wordpress")
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--comments", type=int, default=3000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wellness-bench-import-") as scratch:
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

        wxr, media = Path(scratch) / "export.xml", Path(scratch) / "uploads"
        write_wxr(wxr, media, args.posts, args.comments)
        size = wxr.stat().st_size / 1024 / 1024
        first = timed_import(wxr, media)
        articles = ArticlePage.objects.count()
        comments = ReaderComment.objects.count()
        second = timed_import(wxr, media)
        print(first[2], file=sys.stderr)
        print(
            f"WXR: {args.posts} posts, {args.comments} comments ({size:.1f} MB); imported "
            f"{articles} articles and {comments} comments (pingbacks and trackbacks skipped)"
        )
        for label, (seconds, queries, _out) in (
            ("first import (empty site)", first),
            ("second import (unchanged)", second),
        ):
            print(
                f"{label}: {seconds:.1f} s, {seconds / args.posts * 1000:.0f} ms per post, "
                f"{queries} queries, {queries / args.posts:.1f} per post"
            )


if __name__ == "__main__":
    main()
