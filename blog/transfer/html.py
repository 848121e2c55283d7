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

from . import embeds

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
BLANK_LINES = re.compile(r"\n{3,}")
# Where lazy-loading markup keeps a picture's address until a script moves it to src.
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-image", "data-orig-file")


@dataclass(frozen=True)
class ImageRef:
    """An image named by another blog: where it is, and the words that stand for it. A
    picture with a ``fallback`` (a gallery's, a Markdown file's) that cannot be had becomes
    a link to that address instead of being left out."""

    src: str
    alt: str = ""
    caption: str = ""
    title: str = ""
    fallback: str = ""


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


def _image(img, caption="", gallery=False):
    """The ImageRef of an <img>; a gallery's pictures become links when they cannot be had,
    as a [gallery]'s do."""
    src = (img.get("src") or "").strip()
    return ImageRef(
        src=src,
        alt=" ".join((img.get("alt") or "").split()),
        caption=" ".join(caption.split()),
        title=" ".join((img.get("title") or "").split()),
        fallback=src if gallery else "",
    )


def _media_link(url):
    """What stands in for an embedded player: a paragraph with a link to its media."""
    return BeautifulSoup(embeds.media_html(embeds.watch_url(url)), "html.parser").p


def prepare(html):
    """What the sanitiser would lose, made into plain HTML first: lazy-loaded pictures (a
    ``data-src`` and no ``src``, with a copy in <noscript>: Squarespace, lazy-load plugins)
    get their address; players (<iframe>, <audio>, <video>, Squarespace's video blocks)
    from a known media host, or of a media file, become links to their media. Other
    iframes go, as the sanitiser would drop them."""
    soup = BeautifulSoup(html, "html.parser")
    copies = set()  # what <noscript> shows in place of a lazy-loaded picture
    for noscript in soup.find_all("noscript"):
        copies.update(img.get("src") for img in noscript.find_all("img"))
        noscript.unwrap()
    for img in soup.find_all("img", src=False):
        src = next((img.get(name) for name in LAZY_SOURCES if img.get(name)), "")
        if src in copies:
            img.decompose()
        else:
            img["src"] = src
    # Squarespace's video blocks keep the player's markup, escaped, in data-html.
    players = soup.find_all(["iframe", "audio", "video"]) + soup.find_all(attrs={"data-html": True})
    for player in players:
        url = _player_url(player)
        if url and embeds.is_media(embeds.watch_url(url)):
            player.replace_with(_media_link(url))
        elif player.name == "iframe":
            player.decompose()
    return str(soup)


def _player_url(player):
    if player.name in ("iframe", "audio", "video"):
        source = player.find("source")
        url = (player.get("src") or (source.get("src") if source else "") or "").strip()
    else:
        inner = BeautifulSoup(player.get("data-html") or "", "html.parser").find("iframe")
        url = (inner.get("src") or "").strip() if inner else ""
    # Players are often given without a scheme ("//www.youtube.com/embed/...").
    return f"https:{url}" if url.startswith("//") else url


def _caption(img, top):
    """The caption of the figure that holds ``img`` alone, below or at ``top``."""
    for figure in img.find_parents("figure"):
        if len(figure.find_all("img")) > 1:
            return ""
        caption = figure.find("figcaption", recursive=False)
        if caption is not None:
            return caption.get_text(" ")
        if figure is top:
            break
    return ""


def split_html(html):
    """The post as a list of Markdown texts and ImageRefs, in reading order. Images inside
    a paragraph follow it; a <figure>'s caption goes with its image."""
    soup = BeautifulSoup(sanitise(prepare(autop(html or ""))), "html.parser")
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
            # A gallery's figure holds a figure per picture, and its own caption last.
            refs = [_image(img, _caption(img, node), gallery=len(images) > 1) for img in images]
            caption = node.find("figcaption", recursive=False)
            if len(images) > 1 and caption is not None and caption.get_text(strip=True):
                pending.append(f"<p>{caption.decode_contents()}</p>")
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
