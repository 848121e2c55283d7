"""HTML from another blog, made safe and turned into Markdown and images.

nh3 (already installed with wagtail-markdown) drops what must never reach a page: <script>
and <style> with their content, event handlers such as ``onerror=``, ``javascript:`` and any
other URL scheme but http(s), mailto and tel, and every tag and attribute not listed here.
markdownify then writes Markdown (ATX headings, ``-`` bullets, ``**bold**``) from what is
left; images are taken out of the flow, to become image blocks of their own.
"""

import re
from dataclasses import dataclass
from html import unescape

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.text import Truncator
from markdownify import MarkdownConverter

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "del",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
BLOCK_START = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|dl|section|!--)\b", re.I
)
# WordPress's classic editor wraps captioned images in a shortcode, not a <figure>.
CAPTION_SHORTCODE = re.compile(r"\[caption\b[^\]]*\](.*?)\[/caption\]", re.S | re.I)
IMG_TAG = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class ImageRef:
    """An image named by another blog: where it is, and the words that stand for it."""

    src: str
    alt: str = ""
    caption: str = ""
    title: str = ""


def autop(html):
    """Paragraphs for text that has none: WordPress's classic editor stores paragraphs as
    blank lines and adds the <p> tags only when it shows a post (its wpautop)."""
    if not html or re.search(r"<p[\s>]", html, re.I):
        return html or ""
    chunks = re.split(r"\n\s*\n", html.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def expand_captions(html):
    def figure(match):
        inner = match[1]
        found = IMG_TAG.match(inner)
        if not found:
            return inner
        return f"<figure>{found[1]}<figcaption>{found[2].strip()}</figcaption></figure>"

    return CAPTION_SHORTCODE.sub(figure, html)


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def html_to_text(html):
    """Plain text, for comments: tags dropped (script and style with their content),
    entities decoded, paragraphs kept as blank lines."""
    html = re.sub(r"</p\s*>|<br\s*/?>", lambda m: "\n\n" if "p" in m[0].lower() else "\n", html)
    text = unescape(nh3.clean(html, tags=set()))
    return BLANK_LINES.sub("\n\n", text).strip()


def html_to_markdown(html):
    """Markdown for a fragment of sanitised HTML."""
    converter = MarkdownConverter(heading_style="ATX", bullets="-", escape_misc=False)
    markdown = converter.convert(html)
    lines = [line.rstrip() if not line.endswith("  ") else line for line in markdown.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def summary_from_html(html, length=300):
    """The first words of a post, for one without an excerpt."""
    soup = BeautifulSoup(sanitise(html or ""), "html.parser")
    for paragraph in soup.find_all("p"):
        text = " ".join(paragraph.get_text(" ").split())
        if text:
            return Truncator(text).chars(length)
    return Truncator(" ".join(soup.get_text(" ").split())).chars(length)


def _image(img, caption=""):
    return ImageRef(
        src=(img.get("src") or "").strip(),
        alt=" ".join((img.get("alt") or "").split()),
        caption=" ".join(caption.split()),
        title=" ".join((img.get("title") or "").split()),
    )


def split_html(html):
    """The post as a list of Markdown texts and ImageRefs, in reading order. Images inside
    a paragraph follow it; a <figure>'s caption goes with its image."""
    soup = BeautifulSoup(sanitise(expand_captions(autop(html or ""))), "html.parser")
    parts, pending = [], []

    def flush():
        markdown = html_to_markdown("".join(pending)) if pending else ""
        pending.clear()
        if markdown:
            parts.append(markdown)

    for node in list(soup.contents):
        if isinstance(node, NavigableString):
            pending.append(str(node).replace("<", "&lt;").replace(">", "&gt;"))
            continue
        if not isinstance(node, Tag):
            continue
        images = [node] if node.name == "img" else node.find_all("img")
        if not images:
            pending.append(str(node))
            continue
        refs = []
        if node.name == "figure":
            caption = node.find("figcaption")
            text = caption.get_text(" ") if caption else ""
            refs = [_image(img, text if index == 0 else "") for index, img in enumerate(images)]
            node.decompose()
        else:
            for img in images:
                refs.append(_image(img))
                link = img.parent if img.parent is not None and img.parent.name == "a" else None
                img.decompose()
                if link is not None and not link.get_text(strip=True):
                    link.decompose()
            if node.name != "img" and node.get_text(strip=True):
                pending.append(str(node))
        flush()
        parts.extend(ref for ref in refs if ref.src)
    flush()
    return parts
