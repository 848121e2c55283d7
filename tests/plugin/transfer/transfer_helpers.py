"""What the import and export tests share: the fixtures' folder, pictures to put in a media
folder, running a command and reading what it printed, a local HTTP server, and the check
that no shortcode or template syntax reaches readers."""

import functools
import http.server
import io
import json
import re
import shutil
import threading
from pathlib import Path

from django.core.management import call_command
from django.test import Client
from PIL import Image

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def picture(path, size=(64, 48), colour="#2a6b58", kind="JPEG"):
    """Write a small picture at ``path`` (folders made as needed); its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def run(name, *args, **options):
    """Run a management command; what it wrote to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *args, stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


class LocalServer:
    """An HTTP server on 127.0.0.1 serving ``directory``, in a thread; it notes the paths
    asked for."""

    def __init__(self, directory):
        self.requests = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                super().do_GET()

            def log_message(self, *args):
                pass

        handler = functools.partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


# What must never reach a reader: WordPress shortcodes and block comments, Liquid tags and
# output, Hugo shortcodes. The names are those the fixtures use, and any closing tag.
MARKUP = re.compile(
    r"<!--\s*/?wp:|\[/?(?:gallery|caption|audio|video|playlist|embed|youtube|vimeo|wpvideo"
    r"|contact-form|contact-field|polldaddy|su_note|notice|tweet)\b|\[/[a-z_-]+\]"
    r"|\{%|%\}|\{\{[<%]|[>%]\}\}|\{\{\s*[\w.]+\s*(\||\}\})"
)


def assert_no_markup(pages):
    """No shortcode, block comment, Liquid or Hugo syntax in what the pages store, in the
    article pages and the blog's listing as readers get them, nor in the API."""
    client = Client()
    for page in pages:
        stored = " ".join([page.title, page.summary, json.dumps(list(page.body.raw_data))])
        assert not MARKUP.search(stored), (page.slug, MARKUP.search(stored)[0])
        if not page.live or page.get_view_restrictions().exists():
            continue
        for url in (page.url, f"/api/v2/articles/{page.pk}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode()
            assert not MARKUP.search(text), (url, MARKUP.search(text)[0])
    listing = client.get(pages[0].get_parent().url).content.decode()
    assert not MARKUP.search(listing), MARKUP.search(listing)[0]


def site_state():
    """How many of each thing an import writes there are."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Revision

    from blog.comments.models import ReaderComment
    from blog.transfer.models import ImportRecord

    models = (
        Page,
        Revision,
        ReaderComment,
        Redirect,
        get_image_model(),
        PageViewRestriction,
        ImportRecord,
    )
    return {model.__name__: model.objects.count() for model in models}


def assert_second_run_changes_nothing(run_import, articles):
    """Importing the same thing again: every article unchanged, nothing written."""
    run_import()
    before = site_state()
    output = run_import()
    assert f"unchanged since the last import ({articles})" in output
    assert site_state() == before


def assert_dry_run_writes_nothing(run_import):
    before = site_state()
    output = run_import(dry_run=True)
    assert "Would create" in output and "Dry run: nothing was written" in output
    assert site_state() == before


# Reading what an import wrote.


def article(slug):
    from blog.models import ArticlePage

    return ArticlePage.objects.get(slug=slug)


def markdown_of(page):
    """The page's Markdown blocks, as one text."""
    return "\n\n".join(b["value"] for b in page.body.raw_data if b["type"] == "markdown")


def images_of(page):
    """(alt text, caption) of the page's image blocks."""
    return [
        (b["value"]["image"]["alt_text"], b["value"]["caption"])
        for b in page.body.raw_data
        if b["type"] == "image"
    ]


# The exports of real platforms (fixtures/), ready to import: each function makes what the
# site owner would have beside the export (pictures) under ``tmp_path`` and gives a function
# that runs the import with any further options.


def wordpress_com_export(tmp_path):
    """WordPress.com's export, with the media library as "Export media library" gives it:
    two of the pictures; the second gallery picture is not there."""
    media = tmp_path / "media"
    picture(media / "2024/09/towel-roll.jpg", colour="#557788")
    picture(media / "2024/09/window-light.jpg", colour="#ddcc88")
    return wxr_import("wordpress-com.xml", media)


def squarespace_export(tmp_path):
    """Squarespace's export, with its pictures saved from its CDN into one folder."""
    media = tmp_path / "pictures"
    picture(media / "desk-posture.jpg", colour="#667788")
    picture(media / "neck-stretch.jpg", colour="#887766")
    return wxr_import("squarespace.xml", media)


def wxr_import(name, media):
    """import_wordpress of ``name`` (a fixture, or a path), its pictures read from ``media``
    only."""
    export = FIXTURES / name
    return functools.partial(
        run, "import_wordpress", str(export), media_dir=str(media), no_fetch=True
    )


def jekyll_site(tmp_path):
    """The Jekyll site, with the pictures its posts show."""
    site = tmp_path / "jekyll"
    shutil.copytree(FIXTURES / "jekyll", site)
    picture(site / "assets/images/hands-at-rest.jpg", colour="#aa8866")
    picture(site / "assets/images/belly-breath.jpg", colour="#6688aa")
    return functools.partial(run, "import_markdown", str(site))


def hugo_site(tmp_path):
    """The Hugo site, with its pictures: one in static/, two in the page bundle."""
    site = tmp_path / "hugo"
    shutil.copytree(FIXTURES / "hugo", site)
    picture(site / "static/images/desk.jpg", colour="#445566")
    picture(site / "content/posts/towel-roll/towel.jpg", colour="#887744")
    picture(site / "content/posts/towel-roll/cover.jpg", colour="#448877")
    return functools.partial(run, "import_markdown", str(site))
