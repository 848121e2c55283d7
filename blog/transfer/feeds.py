"""Reading an RSS 2.0 or Atom feed (Wix, Squarespace, Ghost, Medium, WordPress...) with
feedparser, which copes with the many dialects and sanitises the HTML it hands back (our own
nh3 pass follows all the same)."""

import datetime
import xml.sax
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import requests
from django.utils.translation import gettext as _

from .images import TIMEOUT

MAX_FEED_BYTES = 50 * 1024 * 1024


class FeedError(Exception):
    pass


@dataclass
class FeedEntry:
    key: str
    title: str
    link: str
    published: datetime.datetime | None
    updated: datetime.datetime | None
    authors: list  # names
    summary: str  # HTML
    content: str  # HTML
    tags: list = field(default_factory=list)
    image: str = ""
    image_alt: str = ""


@dataclass
class Feed:
    title: str
    link: str
    entries: list


def load(location, session=None):
    """The bytes of the feed at ``location``: a file, or an http(s) URL fetched with a
    timeout."""
    if urlsplit(location).scheme in ("http", "https"):
        session = session or requests.Session()
        try:
            response = session.get(location, timeout=TIMEOUT)
        except requests.RequestException as error:
            raise FeedError(
                _("Could not fetch %(url)s: %(error)s") % {"url": location, "error": error}
            ) from error
        if response.status_code != 200:
            raise FeedError(
                _("Could not fetch %(url)s: HTTP %(status)s")
                % {"url": location, "status": response.status_code}
            )
        return response.content[:MAX_FEED_BYTES]
    try:
        return Path(location).read_bytes()
    except OSError as error:
        raise FeedError(str(error)) from error


def when(entry, name):
    # dict.get: feedparser's own get() would answer "updated" with the published date.
    parsed = dict.get(entry, f"{name}_parsed")
    if not parsed:
        return None
    return datetime.datetime(*parsed[:6], tzinfo=datetime.UTC)


def first_image(entry):
    """The entry's picture, as Wix (enclosure), Ghost and Medium (media:content or
    media:thumbnail) give it: (URL, alt text)."""
    for media in entry.get("media_content", []):
        if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/"):
            return media.get("url", ""), ""
    for media in entry.get("media_content", []):
        if media.get("url") and "medium" not in media and "type" not in media:
            return media["url"], ""
    for enclosure in entry.get("enclosures", []):
        if str(enclosure.get("type", "")).startswith("image/"):
            return enclosure.get("href", ""), ""
    for thumbnail in entry.get("media_thumbnail", []):
        if thumbnail.get("url"):
            return thumbnail["url"], ""
    return "", ""


def parse_feed(data, location):
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(problem, xml.sax.SAXException):
        raise FeedError(
            _("%(location)s is not a well-formed feed: %(error)s")
            % {"location": location, "error": problem}
        )
    if parsed.get("version", "") == "" and not parsed.entries:
        raise FeedError(_("%(location)s is not an RSS or Atom feed.") % {"location": location})
    entries = []
    for entry in parsed.entries:
        content = ""
        if entry.get("content"):
            content = "\n".join(part.get("value", "") for part in entry.content)
        summary = entry.get("summary", "")
        if not content:
            content, summary = summary, ""
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry.author]
        image, alt = first_image(entry)
        key = entry.get("id") or entry.get("link") or entry.get("title", "")
        entries.append(
            FeedEntry(
                key=key,
                title=entry.get("title", ""),
                link=entry.get("link", ""),
                published=when(entry, "published") or when(entry, "updated"),
                updated=when(entry, "updated"),
                authors=authors,
                summary=summary,
                content=content,
                tags=[tag.get("term", "") for tag in entry.get("tags", []) if tag.get("term")],
                image=image,
                image_alt=alt,
            )
        )
    return Feed(
        title=parsed.feed.get("title", ""), link=parsed.feed.get("link", ""), entries=entries
    )
