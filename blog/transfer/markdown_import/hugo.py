"""A Hugo site as Hugo reads it: the posts of ``content/posts/`` (or ``content/post/``), as
files or as page bundles (a folder with ``index.md`` and its pictures); their front matter
in YAML, TOML or JSON (title, date, publishDate, expiryDate, lastmod, draft, description,
summary, author or authors, tags, categories, slug, url, aliases, images); the site's
configuration (hugo.toml, config.toml or their YAML forms: permalinks, timeZone, the
author); Hugo's shortcodes in their bodies converted or removed.

Hugo's own rules, followed here: front matter keys are not case-sensitive; ``draft: true``
is not published; a publishDate in the future is scheduled; an expiryDate passed is not
published; ``_index.md`` is a section's page, not a post.
"""

import re
import shlex
import tomllib
from pathlib import Path

import yaml
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import embeds
from ..articles import make_slug
from .front_matter import (
    FrontMatterError,
    flag,
    names,
    site_zone,
    split,
    text,
    timestamp,
    words,
)
from .static_site import StaticPost

SECTIONS = ("posts", "post")
CONFIG_FILES = ("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml")
EXTENSIONS = {".md", ".markdown"}
SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w/.-]+)(.*?)\s*(/?)\s*[>%]\}\}", re.S)
ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)
# Hugo's own front matter names for dates (its frontmatter configuration's defaults).
DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
PUBLISH_KEYS = ("publishdate", "pubdate", "published")
EXPIRY_KEYS = ("expirydate", "unpublishdate")
MODIFIED_KEYS = ("lastmod", "modified")


def posts_folder(directory):
    for section in SECTIONS:
        folder = Path(directory) / "content" / section
        if folder.is_dir():
            return folder
    return None


def is_site(directory):
    return posts_folder(directory) is not None


class HugoSite:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.posts, self.problems, self.skipped = [], [], []
        self.config = self.load_config()
        self.zone = site_zone(self.config.get("timezone"))
        self.folder = posts_folder(self.directory)
        self.section = self.folder.name
        permalinks = {str(k).lower(): v for k, v in (self.config.get("permalinks") or {}).items()}
        page = permalinks.get("page") if isinstance(permalinks.get("page"), dict) else {}
        self.permalink = str(page.get(self.section) or permalinks.get(self.section) or "")
        params = self.config.get("params") or {}
        author = params.get("author") or self.config.get("author") or ""
        self.default_author = text(author.get("name") if isinstance(author, dict) else author)

    def load_config(self):
        for name in CONFIG_FILES:
            path = self.directory / name
            if not path.is_file():
                continue
            try:
                source = path.read_text(encoding="utf-8")
                data = tomllib.loads(source) if name.endswith(".toml") else yaml.safe_load(source)
            except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
                self.problems.append((name, " ".join(str(error).split())))
                return {}
            return {str(k).lower(): v for k, v in (data or {}).items()}
        return {}

    def read(self):
        for path in sorted(self.folder.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in EXTENSIONS:
                continue
            relative = str(path.relative_to(self.directory))
            if path.stem == "_index":
                continue  # the section's own page
            bundle = path.stem == "index"
            if not bundle and (path.parent / "index.md").is_file():
                continue  # a page resource of a bundle, not a post
            try:
                data, body = split(path.read_text(encoding="utf-8"))
                self.posts.append(self.post(path, relative, data or {}, body, bundle))
            except (FrontMatterError, UnicodeDecodeError, ValueError) as error:
                self.problems.append((relative, str(error)))
        for path in sorted((self.directory / "content").rglob("*")):
            outside = self.folder not in path.parents
            if outside and path.suffix.lower() in EXTENSIONS and path.stem != "_index":
                self.skipped.append(
                    (str(path.relative_to(self.directory)), _("a page, not a post: not imported"))
                )
        by_name = {}
        for post in self.posts:
            by_name.setdefault(Path(post.path).stem, post)
            by_name[Path(post.folder).name] = post
            by_name[post.slug] = post
        for post in self.posts:
            post.body = self.shortcodes(post, by_name)
        return self

    def post(self, path, relative, data, body, bundle):
        data = {str(key).lower(): value for key, value in data.items()}
        name = path.parent.name if bundle else path.stem
        date = self.first_date(data, DATE_KEYS)
        publish = self.first_date(data, PUBLISH_KEYS)
        expiry = self.first_date(data, EXPIRY_KEYS)
        now = timezone.now()
        title = text(data.get("title"))
        slug_source = text(data.get("slug")) or name
        post = StaticPost(
            path=relative,
            kind="hugo",
            slug=make_slug(slug_source, "post"),
            title=title,
            date=date,
            body=body,
            draft=flag(data.get("draft")) or (expiry is not None and expiry <= now),
            go_live_at=publish if publish is not None and publish > now else None,
            modified=self.first_date(data, MODIFIED_KEYS),
            summary=text(data.get("summary") or data.get("description")),
            authors=[*names(data.get("authors")), *names(data.get("author"))],
            tags=list(dict.fromkeys([*words(data.get("categories")), *words(data.get("tags"))])),
            image=self.image(data),
            folder=str(path.parent.relative_to(self.directory)),
        )
        if expiry is not None and expiry <= now:
            self.skipped.append((relative, _("its expiryDate has passed: it comes in as a draft")))
        post.old_urls = self.old_urls(post, data, name)
        return post

    def first_date(self, data, keys):
        for key in keys:
            if data.get(key):
                try:
                    return timestamp(data[key], self.zone)
                except ValueError as error:
                    raise ValueError(
                        _("%(key)s %(value)s is not a date") % {"key": key, "value": error}
                    ) from error
        return None

    @staticmethod
    def image(data):
        for key in ("featured_image", "featuredimage", "image", "thumbnail", "cover"):
            value = data.get(key)
            if isinstance(value, dict):
                value = value.get("image") or value.get("src")
            if value:
                return text(value)
        images = data.get("images")
        return text(images[0]) if isinstance(images, list) and images else ""

    def old_urls(self, post, data, name):
        """The post's address on the Hugo site (its url, else the section's permalink
        pattern, else /posts/<slug>/), and its aliases."""
        url = text(data.get("url"))
        if not url:
            template = self.permalink or f"/{self.section}/:slugorfilename/"
            url = self.expand(template, post, data, name)
        section = f"/{self.section}/"
        aliases = [a if a.startswith("/") else section + a for a in words(data.get("aliases"))]
        return ["/" + url.lstrip("/"), *aliases]

    def expand(self, template, post, data, name):
        date = post.date or timezone.now()
        title_slug = slugify(post.title, allow_unicode=True)
        slug = slugify(text(data.get("slug")), allow_unicode=True)
        values = {
            "year": date.strftime("%Y"),
            "month": date.strftime("%m"),
            "monthname": date.strftime("%B").lower(),
            "day": date.strftime("%d"),
            "weekday": str(date.isoweekday() % 7),
            "weekdayname": date.strftime("%A").lower(),
            "yearday": str(date.timetuple().tm_yday),
            "section": self.section,
            "sections": self.section,
            "title": title_slug,
            "slug": slug or title_slug,
            "filename": name,
            "contentbasename": name,
            "slugorfilename": slug or name,
            "slugorcontentbasename": slug or name,
        }
        path = re.sub(r":(\w+)", lambda m: values.get(m[1], m[0]), template)
        return re.sub(r"/{2,}", "/", "/" + path.lstrip("/")).lower()

    # Shortcodes

    def shortcodes(self, post, by_name):
        """The body with Hugo's shortcodes done as they show, or taken out (counted in
        ``post.removed``): a figure is a picture, youtube, vimeo, x, instagram and gist
        links to them, highlight a code block, ref and relref the post's old address; the
        others go, the words they hold stay."""
        kept = []

        def keep(match):
            kept.append("{{" + match[1] + match[2] + match[3] + "}}")
            return f"\x00{len(kept) - 1}\x00"

        body = ESCAPED.sub(keep, post.body)
        body = self.paired(body, "highlight", self.code)
        body = self.paired(body, "comment", lambda args, inner: "")
        body = SHORTCODE.sub(lambda match: self.single(post, match, by_name), body)
        return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m[1])], body)

    @staticmethod
    def paired(body, name, replace):
        pattern = re.compile(
            r"\{\{[<%]\s*"
            + name
            + r"\b(.*?)[>%]\}\}\n?(.*?)\n?\{\{[<%]\s*/\s*"
            + name
            + r"\s*[>%]\}\}",
            re.S,
        )
        return pattern.sub(lambda m: replace(arguments(m[1]), m[2]), body)

    @staticmethod
    def code(args, inner):
        language = next((value for key, value in args if key is None), "")
        return f"```{language}\n{inner}\n```"

    def single(self, post, match, by_name):
        closing, name, raw = match[2], match[3].lower(), match[4]
        args = dict(arguments(raw))
        positional = [value for key, value in arguments(raw) if key is None]
        first = args.get("id") or (positional[0] if positional else "")
        if closing:
            return ""  # the end of a pair: its words stay
        if name == "figure":
            src = args.get("src", "")
            caption = args.get("caption") or args.get("title") or ""
            alt = args.get("alt") or caption
            return f'\n\n![{alt}]({src} "{caption}")\n\n' if src else ""
        url = self.media_url(name, args, positional, first)
        if url:
            return embeds.media_markdown(url)
        if name in ("ref", "relref"):
            target = by_name.get(Path(first.split("#")[0]).stem) or by_name.get(first)
            if target is not None:
                return target.old_urls[0]
        post.removed["{{< " + name + " >}}"] += 1
        return ""

    @staticmethod
    def media_url(name, args, positional, first):
        if name == "youtube":
            return embeds.youtube_url(first)
        if name == "vimeo" and first:
            return f"https://vimeo.com/{first}"
        if name in ("x", "twitter", "tweet"):
            user = args.get("user") or (positional[0] if len(positional) > 1 else "")
            tweet = args.get("id") or (positional[-1] if positional else "")
            return f"https://x.com/{user or 'i'}/status/{tweet}" if tweet else ""
        if name == "instagram" and first:
            return f"https://www.instagram.com/p/{first}/"
        if name == "gist" and len(positional) >= 2:
            return f"https://gist.github.com/{positional[0]}/{positional[1]}"
        return ""


def arguments(raw):
    """A shortcode's arguments as (name or None, value) pairs, quoted as Hugo takes them
    ("double", `raw`, or bare)."""
    try:
        tokens = shlex.split(raw.replace("`", '"'), posix=True)
    except ValueError:
        tokens = raw.split()
    found = []
    for token in tokens:
        key, equals, value = token.partition("=")
        if equals and re.fullmatch(r"[\w-]+", key):
            found.append((key.lower(), value))
        else:
            found.append((None, token))
    return found
