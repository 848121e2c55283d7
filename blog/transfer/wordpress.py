"""Reading a WordPress export (WXR: the RSS file Tools → Export writes), safely: defusedxml
refuses entity expansion and external references, so neither a "billion laughs" nor an XXE
file gets anywhere. The whole file is read and checked before anything is written."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.comments.models import ReaderComment

WP_NAMESPACE = "http://wordpress.org/export/"
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
COMMENT_STATUSES = {
    "1": ReaderComment.Status.APPROVED,
    "approve": ReaderComment.Status.APPROVED,
    "0": ReaderComment.Status.PENDING,
    "hold": ReaderComment.Status.PENDING,
    "spam": ReaderComment.Status.SPAM,
    "trash": ReaderComment.Status.REJECTED,
    "post-trashed": ReaderComment.Status.REJECTED,
}
PING_TYPES = {"pingback", "trackback"}
LIVE_STATUSES = {"publish"}
UNPUBLISHED_STATUSES = {"draft", "pending", "private", "future"}


class WxrError(Exception):
    pass


def local_name(tag):
    """ "wp:post_id" for {http://wordpress.org/export/1.2/}post_id, and so on."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    if namespace.startswith(WP_NAMESPACE):
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
        return f"{prefix}:{name}"
    return f"{PREFIXES.get(namespace, namespace)}:{name}"


def text(element):
    return (element.text or "").strip() if element is not None else ""


class Element:
    """An element's children by their prefixed names."""

    def __init__(self, element):
        self.element = element
        self.children = {}
        for child in element:
            self.children.setdefault(local_name(child.tag), []).append(child)

    def get(self, name, default=""):
        found = self.children.get(name)
        if not found:
            return default
        return found[0].text if found[0].text is not None else default

    def value(self, name):
        return (self.get(name) or "").strip()

    def all(self, name):
        return self.children.get(name, [])


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

    @property
    def is_ping(self):
        return self.type in PING_TYPES

    @property
    def status(self):
        return COMMENT_STATUSES.get(self.approved)


@dataclass
class WxrPost:
    id: str
    guid: str
    title: str
    link: str
    slug: str
    status: str
    type: str
    password: str
    creator: str
    date: datetime.datetime | None
    date_gmt: datetime.datetime | None
    modified_gmt: datetime.datetime | None
    content: str
    excerpt: str
    comment_status: str
    categories: list = field(default_factory=list)  # (name, nicename)
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)
    attachment_url: str = ""

    @property
    def key(self):
        return self.guid or f"wordpress-post:{self.id}"

    @property
    def live(self):
        return self.status in LIVE_STATUSES and not self.password


@dataclass
class WxrAuthor:
    login: str
    email: str
    display_name: str

    @property
    def name(self):
        return self.display_name or self.login


@dataclass
class WxrExport:
    title: str
    base_url: str
    authors: dict  # login -> WxrAuthor
    posts: list  # type "post", in file order
    attachments: dict  # post id -> WxrPost
    others: dict  # post type -> number of items skipped


def parse_date(value, utc=False):
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if utc:
        return parsed.replace(tzinfo=datetime.UTC)
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def read_wxr(path):
    """The export at ``path``, or WxrError saying why it cannot be read."""
    try:
        tree = parse(path, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException) as error:
        raise WxrError(
            _("%(path)s is not a well-formed XML file: %(error)s") % {"path": path, "error": error}
        ) from error
    except OSError as error:
        raise WxrError(str(error)) from error
    root = tree.getroot()
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise WxrError(_("%(path)s is not a WordPress export: no <rss><channel>.") % {"path": path})
    channel_data = Element(channel)
    if not channel_data.get("wp:wxr_version"):
        raise WxrError(
            _("%(path)s is an RSS file but not a WordPress export (no wp:wxr_version).")
            % {"path": path}
        )
    authors = {}
    for element in channel_data.all("wp:author"):
        author = Element(element)
        login = author.value("wp:author_login")
        if login:
            authors[login] = WxrAuthor(
                login=login,
                email=author.value("wp:author_email"),
                display_name=author.value("wp:author_display_name"),
            )
    posts, attachments, others = [], {}, {}
    for element in channel.iter("item"):
        post = read_item(Element(element))
        if post.type == "post":
            posts.append(post)
        elif post.type == "attachment":
            attachments[post.id] = post
        else:
            others[post.type] = others.get(post.type, 0) + 1
    return WxrExport(
        title=channel_data.value("title"),
        base_url=channel_data.value("wp:base_blog_url") or channel_data.value("link"),
        authors=authors,
        posts=posts,
        attachments=attachments,
        others=others,
    )


def read_item(item):
    categories, tags = [], []
    for element in item.all("category"):
        name = (element.text or "").strip()
        if not name:
            continue
        pair = (name, element.get("nicename", ""))
        if element.get("domain") == "post_tag":
            tags.append(pair)
        elif element.get("domain") == "category":
            categories.append(pair)
    meta = {}
    for element in item.all("wp:postmeta"):
        entry = Element(element)
        meta[entry.value("wp:meta_key")] = entry.get("wp:meta_value")
    comments = []
    for element in item.all("wp:comment"):
        entry = Element(element)
        comments.append(
            WxrComment(
                id=entry.value("wp:comment_id"),
                parent=entry.value("wp:comment_parent"),
                author=entry.value("wp:comment_author"),
                email=entry.value("wp:comment_author_email"),
                date=parse_date(entry.get("wp:comment_date_gmt"), utc=True)
                or parse_date(entry.get("wp:comment_date")),
                content=entry.get("wp:comment_content"),
                approved=entry.value("wp:comment_approved"),
                type=entry.value("wp:comment_type"),
            )
        )
    return WxrPost(
        id=item.value("wp:post_id"),
        guid=item.value("guid"),
        title=item.value("title"),
        link=item.value("link"),
        slug=unquote(item.value("wp:post_name")),
        status=item.value("wp:status"),
        type=item.value("wp:post_type") or "post",
        password=item.value("wp:post_password"),
        creator=item.value("dc:creator"),
        date=parse_date(item.get("wp:post_date")),
        date_gmt=parse_date(item.get("wp:post_date_gmt"), utc=True),
        modified_gmt=parse_date(item.get("wp:post_modified_gmt"), utc=True),
        content=item.get("content:encoded"),
        excerpt=item.get("excerpt:encoded"),
        comment_status=item.value("wp:comment_status"),
        categories=categories,
        tags=tags,
        meta=meta,
        comments=comments,
        attachment_url=item.value("wp:attachment_url"),
    )
