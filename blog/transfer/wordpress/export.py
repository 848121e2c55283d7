"""A WordPress export read in two passes over the file, so that memory stays bounded
whatever its size: the first learns what every post needs (the site, the authors, the
attachments) and what cannot be read, before anything is written; the second hands the
posts over one at a time."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .wxr import WxrError, read_author, read_item, stream


@dataclass(frozen=True)
class Attachment:
    """A picture or other file of the media library, as a gallery or a featured image
    names it by id."""

    id: str
    url: str
    title: str
    alt: str
    caption: str
    parent: str
    menu_order: int


@dataclass
class WxrExport:
    path: str
    version: str
    title: str
    # The blog's own address: a post's id is unique within it. WordPress.com (a
    # multisite) writes its network's address as wp:base_site_url, the same for every
    # blog, so the blog's wp:base_blog_url comes first.
    site: str
    # Written by WordPress itself (Squarespace writes no wp:base_site_url), so the old site
    # answered /?p=123 links too.
    from_wordpress: bool
    authors: dict = field(default_factory=dict)  # login -> WxrAuthor
    attachments: dict = field(default_factory=dict)  # id -> Attachment
    post_count: int = 0
    others: Counter = field(default_factory=Counter)  # post type -> number of items
    pages: list = field(default_factory=list)  # WordPress pages: (title, link)
    problems: list = field(default_factory=list)  # (label, reason) of unreadable posts
    invalid: set = field(default_factory=set)  # their indexes

    def posts(self):
        """The posts (post type "post"), in the file's order, read again from the file."""
        index = 0
        for name, element in stream(self.path):
            if name != "item":
                continue
            index += 1
            if element.value("wp:post_type") in ("post", ""):
                yield read_item(element, index)

    def attached_images(self, post_id):
        """The pictures attached to a post, in their gallery order (WordPress's [gallery]
        without ids shows these)."""
        found = [a for a in self.attachments.values() if a.parent == post_id]
        return sorted(found, key=lambda a: (a.menu_order, int(a.id) if a.id.isdigit() else 0))


def read_export(path):
    """The export at ``path``, after a first pass over it; WxrError if it is not a
    well-formed WordPress export."""
    channel = {}
    export = None
    index = 0
    post_ids = {}
    for name, element in stream(path):
        if name != "item":
            if name in ("title", "link", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"):
                channel[name] = (element.element.text or "").strip()
            elif name == "wp:author":
                channel.setdefault("authors", []).append(read_author(element))
            continue
        if export is None:
            export = new_export(path, channel)
        index += 1
        post = read_item(element, index)
        survey(export, post, post_ids)
    if export is None:
        export = new_export(path, channel)
    return export


def new_export(path, channel):
    if not channel.get("wp:wxr_version"):
        raise WxrError(
            _("%(path)s is an RSS file but not a WordPress export (no wp:wxr_version).")
            % {"path": path}
        )
    site = channel.get("wp:base_blog_url") or channel.get("wp:base_site_url") or channel.get("link")
    return WxrExport(
        path=str(path),
        version=channel["wp:wxr_version"],
        title=channel.get("title", ""),
        site=(site or "").rstrip("/"),
        from_wordpress=bool(channel.get("wp:base_site_url")),
        authors={author.login: author for author in channel.get("authors", []) if author.login},
    )


def survey(export, post, post_ids):
    """Note what the second pass will need of ``post``, and what is wrong with it."""
    if post.type == "attachment":
        export.attachments[post.id] = Attachment(
            id=post.id,
            url=post.attachment_url,
            title=post.title,
            alt=" ".join((post.meta.get("_wp_attachment_image_alt") or "").split()),
            caption=post.excerpt or "",
            parent=post.parent,
            menu_order=post.menu_order,
        )
        return
    if post.type != "post":
        export.others[post.type] += 1
        if post.type == "page":
            export.pages.append((post.title, post.link))
        return
    export.post_count += 1
    problems = list(post.problems)
    if post.id in post_ids:
        problems.append(
            _("its id %(id)s is also the id of %(other)s")
            % {"id": post.id, "other": post_ids[post.id]}
        )
    elif post.id:
        post_ids[post.id] = post.label
    if problems:
        export.problems.append((post.label, "; ".join(problems)))
        export.invalid.add(post.index)
