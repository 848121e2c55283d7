"""A Jekyll site as Jekyll reads it: the posts of ``_posts/`` (``YYYY-MM-DD-slug.md`` or
``.markdown``, also in folders, whose names are categories) and ``_drafts/``, their front
matter (title, date, author, categories, tags, excerpt or description, published, slug,
permalink, redirect_from), ``_config.yml`` (permalink style, baseurl, timezone, author) and
``_data/authors.yml``; the Liquid in their bodies converted or removed.

Jekyll's own rules, followed here: a file in ``_posts/`` without a date in its name, or
without front matter, is no post; the date comes from the file name, the front matter's
``date`` (any YAML timestamp, or Jekyll's "2013-05-06 02:12:52 +0200") giving the time; a
post without a title takes its name from the file; a post dated in the future is not
published (``future: false``): it is scheduled here.
"""

import re
from pathlib import Path

import yaml
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import embeds
from ..articles import make_slug
from .front_matter import FrontMatterError, flag, site_zone, split, text, timestamp, words
from .static_site import StaticPost

EXTENSIONS = {".md", ".markdown", ".mkd", ".mkdn", ".mdown"}
POST_NAME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})-(.+)$")
# Jekyll's permalink styles (its configuration.rb).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}\n?(.*?)\n?\{%-?\s*endhighlight\s*-?%\}", re.S
)
COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
# Outputs that are the site's address: links written with them become links from the root.
SITE_ADDRESS = {"site.url", "site.baseurl", "site.github.url", "site.url | append: site.baseurl"}
INCLUDE_PARAMETER = re.compile(r"""(\w+)\s*=\s*["']?([^"'\s%]+)""")
# Folders Jekyll leaves out of a site.
EXCLUDED = {"_site", "vendor", "node_modules"}
URL_FILTER = re.compile(r"""^["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)\s*$""")


def is_site(directory):
    return (Path(directory) / "_posts").is_dir() or (Path(directory) / "_drafts").is_dir()


class JekyllSite:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.posts, self.problems, self.skipped = [], [], []
        self.config = self.load_yaml("_config.yml")
        self.zone = site_zone(self.config.get("timezone"))
        self.authors = self.load_yaml("_data/authors.yml")
        style = str(self.config.get("permalink") or "date")
        self.permalink = STYLES.get(style, style)
        self.baseurl = str(self.config.get("baseurl") or "").rstrip("/")
        self.default_author = text(self.config.get("author"))
        if isinstance(self.config.get("author"), dict):
            self.default_author = text(self.config["author"].get("name"))

    def load_yaml(self, name):
        path = self.directory / name
        if not path.is_file():
            return {}
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            self.problems.append((name, " ".join(str(error).split())))
            return {}
        return data if isinstance(data, dict) else {}

    def read(self):
        """The posts, read; ``problems`` and ``skipped`` say which files are not."""
        for folder, draft in (("_posts", False), ("_drafts", True)):
            for path in sorted(self.directory.rglob(f"{folder}/**/*")):
                parts = path.relative_to(self.directory).parts
                if any(part.startswith(".") or part in EXCLUDED for part in parts):
                    continue
                if path.is_file() and path.suffix.lower() in EXTENSIONS:
                    self.read_post(path, draft)
        by_name = {post.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]: post for post in self.posts}
        for post in self.posts:
            post.body = self.liquid(post, by_name)
        return self

    def read_post(self, path, draft):
        relative = str(path.relative_to(self.directory))
        match = POST_NAME.match(path.stem)
        if not draft and match is None:
            self.skipped.append((relative, _("no date in its name: Jekyll does not publish it")))
            return
        try:
            data, body = split(path.read_text(encoding="utf-8"))
        except (FrontMatterError, UnicodeDecodeError) as error:
            self.problems.append((relative, str(error)))
            return
        if data is None:
            self.skipped.append((relative, _("no front matter: Jekyll copies it as a file")))
            return
        try:
            self.posts.append(self.post(path, relative, data, body, match, draft))
        except ValueError as error:
            self.problems.append((relative, str(error)))

    def post(self, path, relative, data, body, match, draft):
        name = match[2] if match else path.stem
        try:
            date = timestamp(data.get("date") or (match[1] if match else None), self.zone)
        except ValueError as error:
            raise ValueError(_("date %(value)s is not a date") % {"value": error}) from error
        parts = path.relative_to(self.directory).parts
        # Folders above _posts are categories (blog/_posts/... is in "blog").
        categories = list(parts[: parts.index("_drafts" if draft else "_posts")])
        categories += words(data.get("categories")) + words(data.get("category"))
        future = flag(self.config.get("future"))
        scheduled = date is not None and date > timezone.now() and not future
        slug = make_slug(text(data.get("slug")) or name, "post")
        post = StaticPost(
            path=relative,
            kind="jekyll",
            slug=slug,
            title=text(data.get("title")) or name.replace("-", " ").title(),
            date=date,
            body=body,
            draft=draft or data.get("published") is False,
            go_live_at=date if scheduled else None,
            modified=timestamp(data.get("last_modified_at"), self.zone),
            summary=text(data.get("excerpt") or data.get("description") or data.get("summary")),
            authors=self.author_names(data.get("author") or data.get("authors")),
            tags=list(dict.fromkeys([*categories, *words(data.get("tags"))])),
            image=self.image(data),
            folder=str(path.parent.relative_to(self.directory)),
        )
        post.old_urls = self.old_urls(post, data, name, categories)
        return post

    def author_names(self, value):
        """Names for an author as Jekyll themes write one: a name, a key of
        _data/authors.yml, a mapping with a name, or a list of those."""
        names = []
        for item in value if isinstance(value, list) else [value] if value else []:
            if isinstance(item, dict):
                item = item.get("name") or ""
            entry = self.authors.get(str(item)) if isinstance(self.authors, dict) else None
            if isinstance(entry, dict):
                item = entry.get("name") or item
            if str(item).strip():
                names.append(str(item).strip())
        return names

    def image(self, data):
        value = data.get("image") or data.get("feature_image") or data.get("cover")
        if isinstance(value, dict):
            value = value.get("path") or value.get("feature") or value.get("url")
        header = data.get("header")
        if not value and isinstance(header, dict):
            value = header.get("image") or header.get("teaser")
        return text(value)

    def old_urls(self, post, data, name, categories):
        """The post's address on the Jekyll site, and those jekyll-redirect-from sent to it."""
        template = text(data.get("permalink")) or self.permalink
        template = STYLES.get(template, template)
        urls = [self.baseurl + self.expand(template, post, name, categories)]
        return urls + [
            self.baseurl + "/" + url.lstrip("/") for url in words(data.get("redirect_from"))
        ]

    @staticmethod
    def expand(template, post, name, categories):
        """A permalink template with Jekyll's placeholders filled in (its UrlDrop)."""
        date = post.date or timezone.now()
        values = {
            "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
            "title": name,
            "slug": post.slug,
            "name": post.slug,
            "output_ext": ".html",
            "year": date.strftime("%Y"),
            "month": date.strftime("%m"),
            "day": date.strftime("%d"),
            "i_month": str(date.month),
            "i_day": str(date.day),
            "short_year": date.strftime("%y"),
            "hour": date.strftime("%H"),
            "minute": date.strftime("%M"),
            "second": date.strftime("%S"),
            "y_day": date.strftime("%j"),
            "week": date.strftime("%V"),
            "short_day": date.strftime("%a").upper(),
            "short_month": date.strftime("%b").upper(),
            "long_month": date.strftime("%B"),
        }
        path = re.sub(r":(\w+)", lambda m: values.get(m[1], m[0]), template)
        return re.sub(r"/{2,}", "/", "/" + path.lstrip("/"))

    # Liquid

    def liquid(self, post, by_name):
        """The body with Jekyll's Liquid done as Jekyll would, or taken out (counted in
        ``post.removed``): {% raw %} keeps its words, {% highlight %} is a code block,
        {% post_url %} the post's old address, the site's address nothing (links start at
        the root), {% include %} and the rest go."""
        kept = []

        def keep(match):
            kept.append(match[1])
            return f"\x00{len(kept) - 1}\x00"

        body = RAW.sub(keep, post.body)
        body = COMMENT.sub(lambda m: removed(post, "{% comment %}"), body)
        body = HIGHLIGHT.sub(lambda m: f"```{m[1]}\n{m[2]}\n```", body)

        def tag(match):
            name, argument = match[1], match[2].strip()
            if name in ("post_url", "link"):
                target = by_name.get(Path(argument.strip("'\"")).stem)
                if target is not None and target.old_urls:
                    return target.old_urls[0]
            if name == "include" and (url := included_player(argument)):
                return embeds.media_markdown(url)
            return removed(post, f"{{% {name} %}}")

        body = LIQUID_TAG.sub(tag, body)
        body = LIQUID_OUTPUT.sub(lambda m: self.output(post, m[1]), body)
        return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m[1])], body)

    def output(self, post, expression):
        expression = " ".join(expression.split())
        if expression in SITE_ADDRESS:
            return ""
        literal = URL_FILTER.match(expression)
        if literal:
            return literal[1]
        if expression == "page.title":
            return post.title
        return removed(post, "{{ " + expression.split("|")[0].strip() + " }}")


def included_player(argument):
    """The video of an include that shows a player, as themes write it:
    ``youtube.html id="…"``, Minimal Mistakes' ``video id="…" provider="youtube"``."""
    file = Path(argument.split()[0]).stem if argument.split() else ""
    params = dict(INCLUDE_PARAMETER.findall(argument))
    provider = params.get("provider") or file
    video = params.get("id") or params.get("youtube_id") or params.get("video_id")
    if video and provider == "youtube":
        return embeds.youtube_url(video)
    if video and provider == "vimeo":
        return f"https://vimeo.com/{video}"
    return ""


def removed(post, name):
    """Nothing, for a tag or output that is taken out: counted by name."""
    post.removed[name] += 1
    return ""
