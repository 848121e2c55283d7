"""The shape of the article therapists showed us (a Wix post: title, byline, date, "2 min
read", headed sections, a list of benefits with bold labels, a conclusion, comments) survives
the move. It is written here in our own words, rendered as the HTML a Wix feed and a
WordPress export would carry, imported, and the article page is checked."""

import re
from html import escape

import pytest
from django.test import Client

from blog.comments.models import ReaderComment
from blog.models import ArticlePage

from .transfer_helpers import run

TITLE = "Easing Long-Standing Muscle Pain With Trigger Point Work"
AUTHOR = "Lena Brightwater"
SUMMARY = "How focused pressure can ease pain that has hung on for months."
SECTIONS = [
    (
        "Introduction",
        "Pain that lingers for months wears people down. Focused pressure on tender spots "
        "in a muscle is one hands-on way to take the edge off it.",
    ),
    (
        "What a trigger point is",
        "A trigger point is a small, tender patch in a tight band of muscle that can send "
        "an ache to somewhere else entirely.",
    ),
    (
        "How the work is done",
        "The therapist finds the patch, holds steady pressure until it softens, then "
        "stretches the muscle gently.",
    ),
]
BENEFITS = [
    ("Pain relief", "the familiar ache is often quieter afterwards."),
    ("Increased mobility", "stiff joints may move more freely."),
    ("Improved circulation", "the area can feel warm and looser for a while."),
    ("Stress reduction", "calm, attentive touch helps many people relax."),
]
CONCLUSION = (
    "Trigger point work is a useful tool alongside movement and good habits. See a doctor "
    "first if the pain is severe or getting worse."
)


def post_html():
    """The post as the blog's editor stores it: headings, paragraphs, a bulleted list whose
    items start with a bold label."""
    parts = [f"<h2>{title}</h2><p>{escape(text)}</p>" for title, text in SECTIONS]
    parts.append("<h2>Benefits for people in chronic pain</h2>")
    parts.append("<p>People most often notice these benefits:</p>")
    items = "".join(
        f"<li><p><strong>{label}:</strong> {escape(text)}</p></li>" for label, text in BENEFITS
    )
    parts.append(f"<ul>{items}</ul>")
    parts.append(f"<h2>Conclusion</h2><p>{escape(CONCLUSION)}</p>")
    return "".join(parts)


def wix_feed(tmp_path):
    path = tmp_path / "wix.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>A therapist's blog</title><link>http://wix-blog.test/blog</link>
<item>
  <title><![CDATA[{TITLE}]]></title>
  <description><![CDATA[{SUMMARY}]]></description>
  <link>http://wix-blog.test/post/easing-long-standing-muscle-pain</link>
  <guid isPermaLink="false">5e8f0a1b2c3d4e5f60718293</guid>
  <dc:creator><![CDATA[{AUTHOR}]]></dc:creator>
  <pubDate>Tue, 30 Apr 2024 08:00:00 GMT</pubDate>
  <content:encoded><![CDATA[{post_html()}]]></content:encoded>
</item></channel></rss>""",
        encoding="utf-8",
    )
    return path


def wordpress_export(tmp_path):
    path = tmp_path / "wordpress.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>A therapist's blog</title><link>http://wp-blog.test</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>http://wp-blog.test</wp:base_blog_url>
<wp:author><wp:author_login>lena</wp:author_login>
  <wp:author_display_name><![CDATA[{AUTHOR}]]></wp:author_display_name></wp:author>
<item>
  <title><![CDATA[{TITLE}]]></title>
  <link>http://wp-blog.test/2024/04/30/easing-long-standing-muscle-pain/</link>
  <dc:creator>lena</dc:creator>
  <guid isPermaLink="false">http://wp-blog.test/?p=7</guid>
  <content:encoded><![CDATA[{post_html()}]]></content:encoded>
  <excerpt:encoded><![CDATA[{SUMMARY}]]></excerpt:encoded>
  <wp:post_id>7</wp:post_id>
  <wp:post_date>2024-04-30 09:00:00</wp:post_date>
  <wp:post_date_gmt>2024-04-30 08:00:00</wp:post_date_gmt>
  <wp:post_name>easing-long-standing-muscle-pain</wp:post_name>
  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Sam</wp:comment_author>
    <wp:comment_author_email>sam@example.com</wp:comment_author_email>
    <wp:comment_date_gmt>2024-05-01 10:00:00</wp:comment_date_gmt>
    <wp:comment_content>Clear and kind. Thank you.</wp:comment_content>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
  </wp:comment>
</item></channel></rss>""",
        encoding="utf-8",
    )
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["wix", "wordpress"])
def test_the_reference_articles_structure_survives_the_move(tree, tmp_path, source):
    if source == "wix":
        run("import_feed", str(wix_feed(tmp_path)), no_fetch=True)
    else:
        run("import_wordpress", str(wordpress_export(tmp_path)), no_fetch=True)
    article = ArticlePage.objects.get()
    assert article.slug == "easing-long-standing-muscle-pain"
    assert article.summary == SUMMARY
    html = Client().get(article.url).content.decode()
    body = html.split('class="article__body', 1)[1].split("</div>", 1)[0]
    # The table of contents leads the body and lists the same sections.
    contents, body = body.split("</nav>", 1)
    listed = re.findall(r'<a href="#[^"]+">(.*?)</a>', contents)

    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", body)
    assert listed == headings
    assert headings == [
        "Introduction",
        "What a trigger point is",
        "How the work is done",
        "Benefits for people in chronic pain",
        "Conclusion",
    ]
    for label, text in BENEFITS:
        assert f"<li><strong>{label}:</strong> {escape(text)}</li>" in body
    assert body.index(">Conclusion</h2>") < body.index(escape(CONCLUSION))
    assert f'<h1 class="article__title">{TITLE}</h1>' in html
    byline = html.split('class="byline__names"', 1)[1].split("</p>", 1)[0]
    assert AUTHOR in byline
    assert '<time datetime="2024-04-30">April 30, 2024</time>' in html
    assert re.search(r"\d+ min read", html)
    if source == "wordpress":
        comment = ReaderComment.objects.get()
        assert comment.status == "approved" and "Clear and kind" in html
