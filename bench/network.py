"""The scale phase's data (bench.scale): a network of blogs on PostgreSQL, grown in steps.

One site whose root holds 20 blog indexes, a techniques section of 50 techniques and an
authors section of 200 authors (made the ordinary way, with revisions, once). Then it grows to
each size through bulk paths only: the articles with ``bench.data.bulk_articles`` (half of
them in the first blog, deep enough for a page 4,000; exactly 10 in the second, the baseline;
the rest shared by the others), 100 comments an article made by PostgreSQL itself from
``generate_series`` with the comments' secondary indexes dropped and built again after, and
the new articles' search index entries made by Wagtail's own index (``add_items``, as
``update_index`` does), in chunks, while PostgreSQL makes the comments. Every step's time is
returned for the table.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from blog.comments.models import ReaderComment
from blog.models import ArticlePage, AuthorPage, BlogIndexPage
from therapies.models import TechniquePage

from . import data
from .words import WORDS

BLOGS = 20
TECHNIQUES = 50
AUTHORS = 200
COMMENTS_PER_ARTICLE = 100
BASELINE_ARTICLES = 10  # the second blog's, at every size
REGULARS = 20  # commenters with long histories: one comment in REGULAR_EVERY is theirs
REGULAR_EVERY = 50
SEARCH_CHUNK = 1000
COMMENT_BATCH = 1_000_000


def regular_email(n):
    return f"regular{n}@example.org"


def blog_sizes(articles):
    """How many articles each blog holds when the network has ``articles``: the first half
    of them, the second exactly ten, the others the rest in near-equal shares."""
    big = articles // 2
    rest = articles - big - BASELINE_ARTICLES
    others = BLOGS - 2
    return [big, BASELINE_ARTICLES] + [rest // others + (n < rest % others) for n in range(others)]


def blogs():
    home = Site.objects.get(is_default_site=True).root_page
    return list(BlogIndexPage.objects.child_of(home).order_by("path"))


@transaction.atomic
def setup(hero_count, techniques=TECHNIQUES, authors=AUTHORS):
    """The site, its blogs and sections, once; no articles yet."""
    pictures = data.images(hero_count)
    data.tags()
    home = data.site_tree(Page(title="Wellness network", slug="network"), "Bench Network")
    for n in range(BLOGS):
        data.publish(home, BlogIndexPage(title=f"Blog {n}", slug=f"blog-{n:02d}"))
    data.sections(home, "", pictures, techniques, authors)
    data.abuse_limits_off()
    get_user_model().objects.create_superuser(*data.SUPERUSER)
    index = get_search_backend()
    for model in (TechniquePage, AuthorPage):
        index.get_index_for_model(model).add_items(model, model.get_indexed_objects())


def grow(articles):
    """Grows the network to ``articles`` live articles and 100 comments for each; returns the
    seconds each step took (the comments and the search entries overlap: ``seconds`` is the
    whole) and the manifest the measurements read."""
    start = time.monotonic()
    steps = {}

    def timed(name, function, *args):
        begun = time.monotonic()
        result = function(*args)
        steps[name] = round(time.monotonic() - begun, 1)
        return result

    def in_thread(*args):
        try:
            return timed(*args)
        finally:
            connection.close()  # the thread's own

    new_ids = timed("articles", add_articles, articles)
    # The comments are PostgreSQL's work and the search entries mostly Python's (a query an
    # article, as update_index makes them): on two CPUs they go side by side.
    with ThreadPoolExecutor(max_workers=1) as pool:
        comments = pool.submit(in_thread, "comments", add_comments, articles * COMMENTS_PER_ARTICLE)
        timed("search index", index_articles, new_ids)
        count = comments.result()
    timed("analyze", analyze)
    timed("tree check", data.check_tree)
    return {
        "articles": articles,
        "comments": count,
        "steps": steps,
        "seconds": round(time.monotonic() - start, 1),
        **manifest(),
    }


@transaction.atomic
def add_articles(total):
    pictures = list(get_image_model().objects.filter(title__startswith="hero-"))
    techniques = list(TechniquePage.objects.order_by("path"))
    authors = list(AuthorPage.objects.order_by("path"))
    tag_objects = data.tags()
    new_ids = []
    for blog, size in zip(blogs(), blog_sizes(total), strict=True):
        have = ArticlePage.objects.child_of(blog).count()
        if size > have:
            new_ids += data.bulk_articles(
                blog, size - have, pictures, techniques, authors, tag_objects, start=have
            )
    return new_ids


def index_articles(ids):
    """The new articles' search index entries, by Wagtail's index as ``update_index`` makes
    them, a chunk at a time."""
    index = get_search_backend().get_index_for_model(ArticlePage)
    for start in range(0, len(ids), SEARCH_CHUNK):
        chunk = ArticlePage.get_indexed_objects().filter(pk__in=ids[start : start + SEARCH_CHUNK])
        index.add_items(ArticlePage, chunk)


def secondary_indexes(table):
    """(name, CREATE statement) of ``table``'s indexes but its primary key."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND "
            "i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
            [table],
        )
        return cursor.fetchall()


def comment_rows_sql(table):
    """Top-level comments numbered ``%(first)s`` to ``%(last)s`` over the live articles, in
    the mix of a moderated site: nine in ten approved, 2 % waiting (a few of them urgent),
    3 % rejected, 5 % spam; one in fifty from the regulars. (``%%`` is SQL's modulo.)"""
    words = "(ARRAY[" + ", ".join(f"'{w}'" for w in WORDS) + "])"
    n = len(WORDS)

    def word(k):
        return f"{words}[1 + (g * {k}) %% {n}]"

    body = " || ' ' || ".join(word(k) for k in (3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43))
    return f"""
        INSERT INTO {table} (page_id, depth, name, email, body, status, created_at, ip_hash,
            user_agent, urgent, notify_replies, edited_body, removed, by_author, credentials)
        SELECT a.ids[1 + g %% a.n], 1,
            CASE WHEN g %% {REGULAR_EVERY} = 0
                 THEN 'Regular ' || (g / {REGULAR_EVERY}) %% {REGULARS}
                 ELSE 'Visitor ' || g END,
            CASE WHEN g %% {REGULAR_EVERY} = 0
                 THEN 'regular' || (g / {REGULAR_EVERY}) %% {REGULARS} || '@example.org'
                 ELSE 'visitor' || g || '@example.org' END,
            'Comment ' || g || '. ' || {body} || '.',
            CASE WHEN g %% 100 < 90 THEN 'approved' WHEN g %% 100 < 92 THEN 'pending'
                 WHEN g %% 100 < 95 THEN 'rejected' ELSE 'spam' END,
            now() - g * interval '13 seconds',
            md5(g::text) || md5((g %% 9973)::text),
            'Mozilla/5.0 (bench)',
            g %% 100 = 90 AND g %% 7 = 0,
            false, '', false, false, ''
        FROM generate_series(%(first)s, %(last)s) g,
            (SELECT array_agg(p.id ORDER BY p.id) ids, count(*) n FROM wagtailcore_page p
             JOIN blog_articlepage a ON a.page_ptr_id = p.id WHERE p.live) a
    """


def add_comments(total):
    """Comments until there are ``total`` (one in eleven a reply to an approved comment),
    made by PostgreSQL in batches with the table's secondary indexes dropped, then rebuilt."""
    table = ReaderComment._meta.db_table
    have = ReaderComment.objects.count()
    if total <= have:
        return have
    top_level = (total - have) * 10 // 11
    rows = comment_rows_sql(table).replace("blog_articlepage", ArticlePage._meta.db_table)
    indexes = secondary_indexes(table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM " + table)
        before = cursor.fetchone()[0]
        # Django's foreign keys are checked at commit: millions of checks queued in memory
        # for rows whose pages and parents this very query chose. The bench's own data, so
        # not checked (the throwaway server's user is a superuser).
        cursor.execute("SET LOCAL session_replication_role = replica")
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        first = have + 1
        while first <= have + top_level:
            last = min(first + COMMENT_BATCH - 1, have + top_level)
            cursor.execute(rows, {"first": first, "last": last})
            first = last + 1
        cursor.execute(
            f"""
            INSERT INTO {table} (page_id, parent_id, thread_id, depth, name, email, body, status,
                created_at, ip_hash, user_agent, urgent, notify_replies, edited_body, removed,
                by_author, credentials)
            SELECT page_id, id, id, 2, 'Replier ' || id, 'replier' || id || '@example.org',
                'Thank you, that helped.', 'approved', created_at + interval '1 hour', ip_hash,
                user_agent, false, false, '', false, false, ''
            FROM {table} WHERE id > %s AND status = 'approved' AND depth = 1
            ORDER BY id LIMIT %s
            """,
            [before, total - have - top_level],
        )
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        for _name, definition in indexes:
            cursor.execute(definition)
    return ReaderComment.objects.count()


def analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def manifest():
    """What the measurements request at this size."""
    big, baseline = blogs()[:2]
    technique = TechniquePage.objects.order_by("path").first()
    author = AuthorPage.objects.order_by("path").first()
    home = Site.objects.get(is_default_site=True).root_page
    return {
        "big_blog": "/" + big.url_path.removeprefix(home.url_path),
        "big_blog_articles": ArticlePage.objects.child_of(big).count(),
        "baseline_blog": "/" + baseline.url_path.removeprefix(home.url_path),
        "technique": "/" + technique.url_path.removeprefix(home.url_path),
        "technique_slug": technique.slug,
        "author": "/" + author.url_path.removeprefix(home.url_path),
        "author_slug": author.slug,
        "tag_slug": data.tags()[0].slug,
        "search_words": WORDS[:2],
        "regular_email": regular_email(0),
    }
