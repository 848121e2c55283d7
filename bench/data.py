"""Benchmark data, built fast at any size.

The site tree (blog index, technique and author sections, techniques, authors, the article
variants the query-count targets name) is created the ordinary way, with revisions. The bulk
of the articles is inserted directly: an ``ArticlePage`` is a ``wagtailcore_page`` row plus a
``blog_articlepage`` row (multi-table inheritance) placed in treebeard's materialised path
tree, which ``bulk_create`` cannot do for us. So the ``Page`` rows are bulk-created with their
path, depth and url_path computed here, then the child rows are inserted with ``executemany``,
the authors, techniques and tags with ``bulk_create``, and the parent's ``numchild`` is fixed.
``Page.find_problems()`` then checks that the tree is sound.

Two sites: the main one (blog index at its root) holds the N articles the listings are
measured with; a second site, ``variants.bench``, holds the article variants (0 or 500
comments, 1 or 5 authors, 0 or 10 techniques, 0 or 20 tags) with its own techniques and
authors, so that "10 articles" on the main site means exactly ten.
"""

import datetime
import io
import random
import uuid

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    ArticleTechnique,
    AuthorIndexPage,
    AuthorPage,
    BlogIndexPage,
)
from blog.reading_time import count_words, reading_time_minutes
from config.demo import artwork
from therapies.models import TechniqueBenefit, TechniqueIndexPage, TechniquePage

from .words import WORDS

VARIANTS_HOST = "variants.bench"
AUTHORS = 5
TECHNIQUES = 10
TAGS = 20
NEWEST = datetime.date(2025, 6, 1)
SUPERUSER = ("bench", "bench@example.com", "bench-password")


def prose(seed, words=300):
    """Markdown of about ``words`` words in sections, the same for the same seed."""
    rng = random.Random(seed)
    sections = []
    for n in range(3):
        sentences = []
        for _ in range(words // 3 // 10):
            sentence = " ".join(rng.choice(WORDS) for _ in range(10))
            sentences.append(sentence.capitalize() + ".")
        sections.append(f"## Section {n + 1}\n\n" + " ".join(sentences))
    return "\n\n".join(sections)


def body_blocks(text, techniques=()):
    blocks = [{"type": "markdown", "value": text, "id": str(uuid.uuid4())}]
    blocks += [
        {
            "type": "technique_callout",
            "value": {"technique": pk, "note": ""},
            "id": str(uuid.uuid4()),
        }
        for pk in techniques
    ]
    return blocks


def reading_time(text):
    return reading_time_minutes(count_words(text), 0)


# The ordinary way: the site tree, techniques, authors and the article variants


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def image(title, data):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(data), name=f"{title}.jpg")
    )


def images(hero_count):
    size = (960, 540)  # the largest card rendition, without upscaling
    return {
        "heroes": [image(f"hero-{n}", artwork.hero(f"hero {n}", size)) for n in range(hero_count)],
        "techniques": [
            image(f"technique-{n}", artwork.hero(f"technique {n}", size)) for n in range(TECHNIQUES)
        ],
        "portraits": [
            image(f"author-{n}", artwork.portrait(f"Author {n}", "#2a6b58", size=480))
            for n in range(AUTHORS)
        ],
    }


def sections(blog, prefix, pictures, technique_count=TECHNIQUES, author_count=AUTHORS):
    techniques_index = publish(
        blog, TechniqueIndexPage(title="Techniques", slug="techniques", show_in_menus=True)
    )
    authors_index = publish(
        blog, AuthorIndexPage(title="Authors", slug="authors", show_in_menus=True)
    )
    techniques = []
    for n in range(technique_count):
        page = TechniquePage(
            title=f"{prefix}Technique {n}",
            slug=f"technique-{n}",
            summary=f"What technique {n} is, in a sentence.",
            image=pictures["techniques"][n % len(pictures["techniques"])],
            what_it_is=prose(f"what {n}", 80),
            how_it_works=prose(f"how {n}", 80),
            safety="Not over broken skin or a fresh injury.",
        )
        page.benefits = [
            TechniqueBenefit(label=f"Benefit {k}", explanation="It helps.") for k in range(3)
        ]
        techniques.append(publish(techniques_index, page))
    authors = [
        publish(
            authors_index,
            AuthorPage(
                title=f"{prefix}Author {n}",
                slug=f"author-{n}",
                image=pictures["portraits"][n % len(pictures["portraits"])],
                credentials="LMT",
                short_bio="A massage therapist.",
                long_bio=prose(f"bio {n}", 60),
            ),
        )
        for n in range(author_count)
    ]
    return techniques, authors


def tags():
    Tag.objects.bulk_create(
        [Tag(name=f"topic {n}", slug=f"topic-{n}") for n in range(TAGS)], ignore_conflicts=True
    )
    return list(Tag.objects.filter(slug__startswith="topic-").order_by("pk"))


def variant_article(blog, slug, hero, authors, techniques, tag_names, comments):
    text = prose(slug)
    page = ArticlePage(
        title=f"Variant: {slug.replace('-', ' ')}",
        slug=slug,
        summary="An article built for one of the query-count targets.",
        image=hero,
        image_alt="Soft light through water",
        body=body_blocks(text, [t.pk for t in techniques]),
    )
    page.author_links = [ArticleAuthor(author=a) for a in authors]
    page.technique_links = [ArticleTechnique(technique=t) for t in techniques]
    if tag_names:
        page.tags.add(*tag_names)
    page = publish(blog, page)
    if comments:
        add_thread_comments(page, comments)
    return page


def add_thread_comments(article, count):
    """``count`` approved comments on ``article``: four in five on the article, the rest
    replies to the first of those."""
    replies = count // 5
    now = timezone.now()
    top = ReaderComment.objects.bulk_create(
        ReaderComment(
            page=article,
            name=f"Reader {n}",
            email=f"reader{n}@example.com",
            body=f"Comment {n}: " + prose(f"c{n}", 40)[14:],
            status=ReaderComment.Status.APPROVED,
            created_at=now - datetime.timedelta(minutes=count - n),
        )
        for n in range(count - replies)
    )
    ReaderComment.objects.bulk_create(
        ReaderComment(
            page=article,
            parent=parent,
            thread=parent,
            depth=2,
            name=f"Replier {n}",
            email=f"replier{n}@example.com",
            body=f"Reply {n}: thank you.",
            status=ReaderComment.Status.APPROVED,
            created_at=parent.created_at + datetime.timedelta(seconds=30),
        )
        for n, parent in enumerate(top[:replies])
    )


# The bulk: N articles inserted directly


def regular_relations(i, authors=AUTHORS, techniques=TECHNIQUES):
    """Who wrote article ``i`` (of ``authors``), what it is about (of ``techniques``) and its
    tags, the same at every size.

    Author 0 and technique 0, whose pages are measured, are on every article: the worst case
    for their listings, and with 10 articles their pages show 10 cards, as the blog index
    does, against 12 (a full page) at 10,000. The second author and technique vary."""
    author_ids = [0] + ([1 + i % (authors - 1)] if i % 3 == 0 else [])
    technique_ids = [0] + ([1 + i % (techniques - 1)] if i % 2 == 0 else [])
    tag_indexes = [(i + 7 * k) % TAGS for k in range(3 - i % 4)]
    return author_ids, technique_ids, tag_indexes


def insert_rows(model, rows, fields=None):
    """INSERT ``rows`` (dicts by attribute name) into ``model``'s own table with one
    ``executemany``, each value prepared by its field as ``save()`` would; missing values
    take the field's default."""
    fields = fields or [f for f in model._meta.local_concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({placeholders})"
    values = [
        [f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), connection) for f in fields]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def bulk_articles(blog, count, heroes, techniques, authors, tag_objects, start=0):
    """``count`` live articles appended to ``blog``'s children, the ``start``-th on (a blog
    grows by calls with ``start`` at its number of articles so far); returns their ids."""
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    last = blog.get_last_child()
    first_step = last._get_lastpos_in_path() + 1 if last else 1
    depth = blog.depth + 1
    texts = [prose(f"article text {n}") for n in range(4)]
    minutes = [reading_time(text) for text in texts]
    body = ArticlePage._meta.get_field("body")

    pages, articles, author_links, technique_links, tag_links = [], [], [], [], []
    for i in range(start, start + count):
        slug = f"article-{i:05d}"
        date = NEWEST - datetime.timedelta(days=i)
        published = datetime.datetime.combine(date, datetime.time(9), datetime.UTC)
        title = f"{WORDS[i % len(WORDS)].capitalize()} and {WORDS[(i * 7) % len(WORDS)]}, part {i}"
        path = Page._get_path(blog.path, depth, first_step + i - start)
        pages.append(
            {
                "path": path,
                "depth": depth,
                "numchild": 0,
                "translation_key": uuid.uuid4(),
                "locale_id": locale.pk,
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": published,
                "last_published_at": published,
                "title": title,
                "draft_title": title,
                "slug": slug,
                "content_type_id": content_type.pk,
                "url_path": f"{blog.url_path}{slug}/",
            }
        )
        author_ids, technique_ids, tag_ids = regular_relations(i, len(authors), len(techniques))
        text = i % len(texts)
        articles.append(
            {
                "path": path,
                "summary": f"{title}: what it is, and how it helps.",
                "date": date,
                "image_id": heroes[i % len(heroes)].pk,
                "image_alt": "",
                "body": body.to_python(
                    body_blocks(texts[text], [techniques[t].pk for t in technique_ids[:1]])
                ),
                "reading_time": minutes[text],
                "comments_open": True,
                "relations": (author_ids, technique_ids, tag_ids),
            }
        )
    insert_rows(Page, pages, [f for f in Page._meta.concrete_fields if not f.primary_key])
    ids = dict(
        Page.objects.filter(depth=depth, path__startswith=blog.path).values_list("path", "pk")
    )
    for article in articles:
        article["page_ptr_id"] = page_id = ids[article["path"]]
        author_ids, technique_ids, tag_ids = article["relations"]
        author_links += [
            ArticleAuthor(page_id=page_id, author=authors[a], sort_order=k)
            for k, a in enumerate(author_ids)
        ]
        technique_links += [
            ArticleTechnique(page_id=page_id, technique=techniques[t], sort_order=k)
            for k, t in enumerate(technique_ids)
        ]
        tag_links += [ArticleTag(content_object_id=page_id, tag=tag_objects[t]) for t in tag_ids]
    insert_rows(ArticlePage, articles, ArticlePage._meta.local_concrete_fields)
    ArticleAuthor.objects.bulk_create(author_links, batch_size=2000)
    ArticleTechnique.objects.bulk_create(technique_links, batch_size=2000)
    ArticleTag.objects.bulk_create(tag_links, batch_size=2000)
    Page.objects.filter(pk=blog.pk).update(numchild=F("numchild") + count)
    return [ids[page["path"]] for page in pages]


def add_moderation_comments(count, seed=1):
    """``count`` comments across the main site's articles, in a realistic mix of states,
    for the moderation listing. Returns how many there are now in all."""
    rng = random.Random(seed)
    blog = Site.objects.get(is_default_site=True).root_page
    article_ids = list(ArticlePage.objects.child_of(blog).values_list("pk", flat=True))
    statuses = [ReaderComment.Status.APPROVED] * 14 + [ReaderComment.Status.PENDING] * 4
    statuses += [ReaderComment.Status.REJECTED, ReaderComment.Status.SPAM]
    now = timezone.now()
    batch = []
    with transaction.atomic():
        for n in range(count):
            batch.append(
                ReaderComment(
                    page_id=rng.choice(article_ids),
                    name=f"Visitor {n}",
                    email=f"visitor{n}@example.org",
                    body=f"Comment {n}. " + " ".join(rng.choice(WORDS) for _ in range(30)),
                    status=statuses[n % len(statuses)],
                    created_at=now - datetime.timedelta(minutes=5 * (count - n)),
                    ip_hash=f"{rng.getrandbits(256):064x}",
                    user_agent="Mozilla/5.0 (bench)",
                )
            )
            if len(batch) == 5000:
                ReaderComment.objects.bulk_create(batch)
                batch = []
        ReaderComment.objects.bulk_create(batch)
    return ReaderComment.objects.count()


# Putting it together


def check_tree():
    """What treebeard's ``Page.find_problems()`` checks (depth, parents, ``numchild``), plus
    the ``url_path`` Wagtail routes by, in one query: ``find_problems`` makes several per page
    and would take minutes at 10,000 articles."""
    pages = {p[0]: p for p in Page.objects.values_list("path", "depth", "numchild", "url_path")}
    children = dict.fromkeys(pages, 0)
    problems = []
    for path, depth, _numchild, url_path in pages.values():
        steps = len(path) // Page.steplen
        if len(path) % Page.steplen or steps != depth:
            problems.append(f"{path}: depth {depth} for a path of {steps} steps")
        if depth == 1:
            continue
        parent = pages.get(path[: -Page.steplen])
        if parent is None:
            problems.append(f"{path}: no parent")
            continue
        children[parent[0]] += 1
        if depth > 2 and not url_path.startswith(parent[3]):
            problems.append(f"{path}: url_path {url_path} is not under {parent[3]}")
    problems += [
        f"{path}: numchild {pages[path][2]}, children {count}"
        for path, count in children.items()
        if pages[path][2] != count
    ]
    if problems:
        raise RuntimeError("The page tree is inconsistent: " + "; ".join(problems[:10]))


def abuse_limits_off():
    """As the issue asks for the posting benchmark: no rate limits, no minimum fill time."""
    for site in Site.objects.all():
        rules = DiscussionSettings.for_site(site)
        rules.rate_limit_per_ip = 0
        rules.rate_limit_per_email = 0
        rules.min_seconds_to_fill = 0
        rules.too_fast_action = DiscussionSettings.TooFast.HOLD
        rules.save()


def site_tree(home=None, site_name="Bench Wellness"):
    """The main site's root, ``home`` (the blog index by default), replacing Wagtail's
    welcome page."""
    home = home or BlogIndexPage(title="Articles", slug="articles", intro="All articles.")
    publish(Page.get_first_root_node(), home)
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.site_name = site_name
    site.save()
    if type(welcome.specific) is Page:
        welcome.delete()
    return home


@transaction.atomic
def build(articles, variant_comments, hero_count, typical_comments=12):
    """The whole data set with ``articles`` articles on the main site. Returns the manifest
    the measurements read: what to request and where."""
    pictures = images(hero_count)
    tag_objects = tags()
    blog = site_tree()
    techniques, authors = sections(blog, "", pictures)

    variants_blog = publish(
        Page.get_first_root_node(), BlogIndexPage(title="Variants", slug="variants")
    )
    Site.objects.create(
        hostname=VARIANTS_HOST, port=80, root_page=variants_blog, site_name="Variants"
    )
    v_techniques, v_authors = sections(variants_blog, "Variant ", pictures)
    tag_names = [t.name for t in tag_objects]
    hero = pictures["heroes"][0]
    specs = {
        "base": ([v_authors[0]], [], [], 0),
        f"{variant_comments} comments": ([v_authors[0]], [], [], variant_comments),
        f"{AUTHORS} authors": (v_authors, [], [], 0),
        f"{TECHNIQUES} techniques": ([v_authors[0]], v_techniques, [], 0),
        f"{TAGS} tags": ([v_authors[0]], [], tag_names, 0),
        "all of these": (v_authors, v_techniques, tag_names, variant_comments),
    }
    variants = {}
    for n, (name, (a, t, tg, c)) in enumerate(specs.items()):
        page = variant_article(variants_blog, f"variant-{n}", hero, a, t, tg, c)
        variants[name] = "/" + page.url_path.removeprefix(variants_blog.url_path)

    ids = bulk_articles(blog, articles, pictures["heroes"], techniques, authors, tag_objects)
    typical = ArticlePage.objects.get(pk=ids[0])
    posting = ArticlePage.objects.get(pk=ids[min(1, len(ids) - 1)])
    add_thread_comments(typical, typical_comments)
    abuse_limits_off()
    get_user_model().objects.create_superuser(*SUPERUSER)

    check_tree()
    main = blog.url_path
    return {
        "articles": ArticlePage.objects.child_of(blog).live().count(),
        "variants_host": VARIANTS_HOST,
        "variants": variants,
        "typical_article": {"id": typical.pk, "path": "/" + typical.url_path.removeprefix(main)},
        "posting_article": {"id": posting.pk, "path": "/" + posting.url_path.removeprefix(main)},
        "listings": {
            "blog index": "/",
            "technique page": "/" + techniques[0].url_path.removeprefix(main),
            "author page": "/" + authors[0].url_path.removeprefix(main),
        },
    }
