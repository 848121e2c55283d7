"""Reading a WordPress export (WXR: the RSS file Tools → Export writes; WordPress.com and
Squarespace write it too) as a stream, safely: defusedxml refuses entity expansion and
external references, so neither a "billion laughs" nor an XXE file gets anywhere, and each
<item> is let go once it is read, so a file of hundreds of megabytes takes little memory.

Elements are named as WordPress's importer names them: by the prefix the file binds their
namespace to (``wp:post_id``), whatever the URI (WXR 1.0, 1.1 and 1.2, http or https).
"""

import datetime
import email.utils
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone
from django.utils.translation import gettext as _

from .entities import MendedXml

PREFIXES = {"wp", "excerpt", "content", "dc", "wfw"}
# The URIs these prefixes always had, for a file that binds them to other prefixes.
STANDARD_URIS = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# WXR 1.0 names the tag taxonomy "tag"; later versions "post_tag".
TAG_DOMAINS = {"post_tag", "tag"}


class WxrError(Exception):
    pass


class Names:
    """Prefixed names ("wp:post_id") for the parser's "{uri}post_id", by the prefixes the
    file binds."""

    def __init__(self):
        self.prefixes = dict(STANDARD_URIS)
        self.cache = {}

    def bind(self, prefix, uri):
        if prefix in PREFIXES:
            self.prefixes[uri] = prefix
            self.cache.clear()

    def __call__(self, tag):
        name = self.cache.get(tag)
        if name is None:
            name = tag
            if tag.startswith("{"):
                uri, local = tag[1:].split("}", 1)
                prefix = self.prefixes.get(uri)
                name = f"{prefix}:{local}" if prefix else tag
            self.cache[tag] = name
        return name


class Element:
    """An element's children by their prefixed names."""

    def __init__(self, element, names):
        self.element = element
        self.names = names
        self.children = {}
        for child in element:
            self.children.setdefault(names(child.tag), []).append(child)

    def get(self, name, default=""):
        found = self.children.get(name)
        if not found:
            return default
        return found[0].text if found[0].text is not None else default

    def value(self, name):
        return (self.get(name) or "").strip()

    def all(self, name):
        return [Element(child, self.names) for child in self.children.get(name, [])]

    def elements(self, name):
        return self.children.get(name, [])


def stream(path):
    """(name, Element) for each child of the file's <channel>, once it is read whole;
    WxrError if the file is not well-formed XML or not an RSS file."""
    try:
        with MendedXml(open(path, "rb")) as source:
            yield from _channel_children(source, path)
    except (ParseError, DefusedXmlException) as error:
        raise WxrError(
            _("%(path)s is not a well-formed XML file: %(error)s") % {"path": path, "error": error}
        ) from error
    except OSError as error:
        raise WxrError(str(error)) from error


def _channel_children(source, path):
    names = Names()
    channel, depth = None, 0
    events = iterparse(
        source,
        events=("start-ns", "start", "end"),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    for event, value in events:
        if event == "start-ns":
            names.bind(*value)
        elif event == "start":
            depth += 1
            if depth == 1 and value.tag != "rss":
                break
            if depth == 2 and value.tag == "channel":
                channel = value
        else:
            depth -= 1
            if depth == 2 and channel is not None:
                yield names(value.tag), Element(value, names)
                channel.remove(value)  # read: let it go
    if channel is None:
        raise WxrError(_("%(path)s is not a WordPress export: no <rss><channel>.") % {"path": path})


class DateError(ValueError):
    pass


def parse_date(value, utc=False):
    """A WordPress date ("2024-03-04 09:00:00"), in UTC or the site's time; None for none
    (WordPress writes 0000-00-00 00:00:00 for a draft's GMT date); DateError otherwise."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError as error:
        raise DateError(value) from error
    if utc:
        return parsed.replace(tzinfo=datetime.UTC)
    return timezone.make_aware(parsed)


def parse_rss_date(value):
    """<pubDate> (RFC 822), for exports without WordPress's own dates; None if unreadable."""
    try:
        return email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


@dataclass
class WxrComment:
    id: str
    parent: str
    author: str
    email: str
    date: datetime.datetime | None
    content: str
    approved: str
    type: str


@dataclass
class WxrPost:
    index: int  # its place among the file's items
    id: str
    guid: str
    title: str
    link: str
    slug: str
    status: str
    type: str
    password: str
    creator: str
    sticky: bool
    date: datetime.datetime | None
    date_gmt: datetime.datetime | None
    modified_gmt: datetime.datetime | None
    content: str
    excerpt: str
    comment_status: str
    parent: str = ""
    menu_order: int = 0
    categories: list = field(default_factory=list)  # (name, nicename)
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)
    attachment_url: str = ""
    problems: list = field(default_factory=list)  # why it cannot be imported

    @property
    def label(self):
        return f"{self.title or _('(no title)')} [{self.type} {self.id or '?'}]"


@dataclass
class WxrAuthor:
    login: str
    email: str
    display_name: str

    @property
    def name(self):
        return self.display_name or self.login


def read_author(element):
    return WxrAuthor(
        login=element.value("wp:author_login"),
        email=element.value("wp:author_email"),
        display_name=element.value("wp:author_display_name"),
    )


def _date(item, name, problems, utc=False):
    try:
        return parse_date(item.get(name), utc=utc)
    except DateError as error:
        problems.append(_("%(name)s %(value)s is not a date") % {"name": name, "value": str(error)})
        return None


def _number(text):
    try:
        return int(text)
    except ValueError:
        return 0


def read_comments(item):
    comments, ids = [], set()
    for entry in item.all("wp:comment"):
        try:
            date = parse_date(entry.get("wp:comment_date_gmt"), utc=True) or parse_date(
                entry.get("wp:comment_date")
            )
        except DateError:
            date = None  # the post's date stands in (see posts.py)
        comment_id = entry.value("wp:comment_id") or synthetic_id(entry, ids)
        ids.add(comment_id)
        comments.append(
            WxrComment(
                id=comment_id,
                parent=entry.value("wp:comment_parent"),
                author=entry.value("wp:comment_author"),
                email=entry.value("wp:comment_author_email"),
                date=date,
                content=entry.get("wp:comment_content"),
                approved=entry.value("wp:comment_approved"),
                type=entry.value("wp:comment_type"),
            )
        )
    return comments


def synthetic_id(entry, taken):
    """An id for a comment exported without one (Squarespace): its date and author, which
    stay the same from one export to the next."""
    base = "-".join(
        entry.value(name)
        for name in ("wp:comment_date_gmt", "wp:comment_date", "wp:comment_author")
    )
    candidate, number = f"undated:{base}", 1
    while candidate in taken:
        number += 1
        candidate = f"undated:{base}:{number}"
    return candidate


def read_item(item, index):
    """The WxrPost of an <item>; what makes it unreadable is in its ``problems``."""
    problems = []
    categories, tags = [], []
    for element in item.elements("category"):
        name = (element.text or "").strip()
        if not name:
            continue
        pair = (name, element.get("nicename", ""))
        if element.get("domain") in TAG_DOMAINS:
            tags.append(pair)
        elif element.get("domain") == "category":
            categories.append(pair)
    meta = {
        entry.value("wp:meta_key"): entry.get("wp:meta_value") for entry in item.all("wp:postmeta")
    }
    post = WxrPost(
        index=index,
        id=item.value("wp:post_id"),
        guid=item.value("guid"),
        title=item.value("title"),
        link=item.value("link"),
        slug=unquote(item.value("wp:post_name")),
        status=item.value("wp:status"),
        type=item.value("wp:post_type") or "post",
        password=item.get("wp:post_password"),
        creator=item.value("dc:creator"),
        sticky=item.value("wp:is_sticky") == "1",
        date=_date(item, "wp:post_date", problems),
        date_gmt=_date(item, "wp:post_date_gmt", problems, utc=True)
        or parse_rss_date(item.value("pubDate")),
        modified_gmt=_date(item, "wp:post_modified_gmt", problems, utc=True),
        content=item.get("content:encoded"),
        excerpt=item.get("excerpt:encoded"),
        comment_status=item.value("wp:comment_status"),
        parent=item.value("wp:post_parent"),
        menu_order=_number(item.value("wp:menu_order")),
        categories=categories,
        tags=tags,
        meta=meta,
        comments=read_comments(item),
        attachment_url=item.value("wp:attachment_url"),
        problems=problems,
    )
    if not post.id.isdigit():
        problems.append(_("no wp:post_id to tell it apart from the others"))
    return post
