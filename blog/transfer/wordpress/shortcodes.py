"""WordPress shortcodes, turned into what they showed: ``[gallery]`` into its pictures,
``[caption]`` into a figure, ``[audio]``, ``[video]``, ``[playlist]``, ``[embed]`` and
WordPress.com's ``[youtube]``, ``[vimeo]``... into links to their media, ``[code]`` into a
code block. Any other shortcode is removed (the words it encloses stay) and counted by name.

WordPress only runs the shortcodes a plugin registered, so text in brackets is not always
one: a name of its own ("[gallery]"), or any name with attributes (``[su_note
style="x"]``), a self-closing slash or a closing tag, is a shortcode; "[sic]" or "[1]" is
text. ``[[gallery]]`` is WordPress's way of writing the text "[gallery]", and stays so."""

import re
from collections import Counter
from html import escape, unescape

from django.utils.translation import gettext as _

from .. import embeds
from ..html import ImageRef

OPENING = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])((?:[^\]/]|/(?!\]))*)(/?)\](\]?)",
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
MEDIA = {"audio", "video", "embed", "playlist"}
PROVIDERS = {
    "youtube": embeds.youtube_url,
    "vimeo": lambda value: value if "/" in value else f"https://vimeo.com/{value}",
    "dailymotion": lambda value: (
        value if "/" in value else f"https://www.dailymotion.com/video/{value}"
    ),
    "ted": lambda value: value if "/" in value else f"https://www.ted.com/talks/{value}",
    "wpvideo": lambda value: f"https://videopress.com/v/{value}",
    "videopress": lambda value: f"https://videopress.com/v/{value}",
    "soundcloud": str,
    "spotify": str,
    "twitter": str,
    "tweet": str,
    "instagram": str,
    "flickr": str,
    "slideshare": str,
    "googlemaps": str,
}
CODE = {"code", "sourcecode", "source"}
# What a summary leaves out whole: pictures and players are no words.
WORDLESS = {"gallery", *MEDIA, *PROVIDERS}
CAPTIONS = {"caption", "wp_caption"}
# Other names WordPress and WordPress.com (Jetpack) register: shortcodes even when bare.
KNOWN = {
    "gallery",
    "contact-form",
    "contact-field",
    "polldaddy",
    "crowdsignal",
    "archives",
    "sitemap",
    "recipe",
    "slideshow",
    "portfolio",
    "testimonials",
    "latex",
    "blog-subscription",
    "jetpack_subscription_form",
    "recent-posts",
    "display-posts",
    *MEDIA,
    *PROVIDERS,
    *CODE,
    *CAPTIONS,
}
AUDIO_ATTRIBUTES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "flac")
VIDEO_ATTRIBUTES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov")
IMG_TAG = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)


def attributes(text):
    """Named and positional attributes, as WordPress's shortcode_parse_atts reads them."""
    named, positional = {}, []
    for match in ATTRIBUTE.finditer(text):
        if match[1]:
            named[match[1].lower()] = match[2]
        elif match[3]:
            named[match[3].lower()] = match[4]
        elif match[5]:
            named[match[5].lower()] = match[6]
        else:
            positional.append(match[7] or match[8] or match[9] or "")
    return named, positional


class Shortcode:
    def __init__(self, match, text):
        self.escaped = bool(match[1] and match[5])
        self.name = match[2].lower()
        raw = match[3]
        self.start, self.end = match.start(), match.end()
        self.self_closing = bool(match[4])
        # WordPress.com's [youtube=https://...] gives its URL after an equals sign.
        if raw.startswith("="):
            self.named, self.positional = {}, [raw[1:].strip()]
        else:
            self.named, self.positional = attributes(raw.strip())
        self.content = None
        if not self.self_closing and not self.escaped:
            closing = re.compile(rf"\[/{re.escape(match[2])}\]", re.I)
            found = closing.search(text, self.end)
            nested = OPENING.search(text, self.end)
            # Enclosing only if no opening tag of the same name comes first.
            while nested and nested.start() < (found.start() if found else -1):
                if nested[2].lower() == self.name:
                    found = None
                    break
                nested = OPENING.search(text, nested.end())
            if found:
                self.content = text[self.end : found.start()]
                self.end = found.end()

    def is_shortcode(self):
        return (
            self.name in KNOWN or bool(self.named) or self.self_closing or self.content is not None
        )

    def first(self, *names):
        for name in names:
            if self.named.get(name):
                return self.named[name].strip()
        return ""


class Expander:
    """Expands the shortcodes of one post of ``export`` (its attachments, for galleries);
    ``removed`` counts those taken out, by name, and ``missing`` lists the ids of gallery
    pictures the export does not hold."""

    def __init__(self, export, post_id):
        self.export = export
        self.post_id = post_id
        self.removed = Counter()
        self.missing = []

    def expand(self, text):
        """The post as a list of HTML texts and ImageRefs (a gallery's pictures)."""
        return merge(self.substitute(text, self.replacement))

    def strip(self, text):
        """The text without any shortcode, for summaries and search: what they enclose
        stays, but for media and galleries, which are no words."""
        return "".join(self.substitute(text, self.words))

    def substitute(self, text, replace):
        """``text`` as its pieces, with each shortcode's given by ``replace(shortcode)``;
        an escaped one ([[gallery]]) stays text, one pair of brackets fewer."""
        parts, position = [], 0
        text = text or ""
        for code in self.shortcodes(text):
            parts.append(text[position : code.start])
            position = code.end
            if code.escaped:
                parts.append(text[code.start + 1 : code.end - 1])
            else:
                parts.extend(replace(code))
        parts.append(text[position:])
        return parts

    def words(self, code):
        if code.content and code.name not in WORDLESS:
            return [self.strip(code.content)]
        return []

    def shortcodes(self, text):
        position = 0
        while True:
            match = OPENING.search(text, position)
            if match is None:
                return
            code = Shortcode(match, text)
            if code.is_shortcode() or code.escaped:
                yield code
                position = code.end
            else:
                position = match.end()

    def replacement(self, code):
        name = code.name
        if name == "gallery":
            return self.gallery(code)
        if name in CAPTIONS:
            return [caption(code, self)]
        if name in CODE:
            return [f"<pre><code>{escape(code.content or '')}</code></pre>"]
        url = unescape(self.media_url(code))
        if url:
            kind = embeds.AUDIO if name == "audio" else embeds.VIDEO if name == "video" else None
            return [embeds.media_html(url, kind)]
        if name == "playlist":
            found, _missing = self.listed(code)
            return [embeds.media_html(item.url) for item in found if item.url]
        self.removed[name] += 1
        return self.expand(code.content) if code.content else []

    def media_url(self, code):
        name = code.name
        if name == "audio":
            return code.first(*AUDIO_ATTRIBUTES)
        if name == "video":
            return code.first(*VIDEO_ATTRIBUTES)
        if name == "embed":
            return (code.content or "").strip() or code.first("src", "url")
        if name in PROVIDERS:
            value = code.first("url", "id", "src") or (code.positional or [""])[0]
            value = value.strip() or (code.content or "").strip()
            return PROVIDERS[name](value) if value else ""
        return ""

    def listed(self, code):
        """The attachments a gallery or playlist names: ``ids`` or ``include``, else the
        post's own (less ``exclude``)."""
        ids = code.first("ids", "include")
        if ids:
            wanted = [part.strip() for part in ids.split(",") if part.strip()]
            found = [self.export.attachments.get(id_) for id_ in wanted]
            missing = [id_ for id_, item in zip(wanted, found, strict=True) if item is None]
            return [item for item in found if item is not None], missing
        excluded = {part.strip() for part in code.first("exclude").split(",")}
        attached = self.export.attached_images(self.post_id)
        return [item for item in attached if item.id not in excluded], []

    def gallery(self, code):
        found, missing = self.listed(code)
        pictures = [
            ImageRef(
                src=item.url,
                alt=item.alt,
                caption=" ".join((item.caption or "").split()),
                title=item.title,
                fallback=item.url,
            )
            for item in found
            if item.url
        ]
        # A picture the export does not hold: a link to its page on the old site.
        self.missing.extend(missing)
        links = []
        for id_ in missing:
            words = _("Picture %(id)s of the gallery") % {"id": id_}
            url = f"{self.export.site}/?attachment_id={id_}"
            links.append(f'<p><a href="{escape(url)}">{escape(words)}</a></p>')
        return [*pictures, *links]


def caption(code, expander):
    """``[caption]<img ...> The caption[/caption]`` (the classic editor's captioned
    picture) as the <figure> the block editor writes."""
    inner = "".join(part for part in expander.expand(code.content or "") if isinstance(part, str))
    found = IMG_TAG.match(inner)
    if not found:
        return inner
    return f"<figure>{found[1]}<figcaption>{found[2].strip()}</figcaption></figure>"


def merge(parts):
    """Neighbouring texts joined, empty ones dropped."""
    merged = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
        merged.append(part)
    return merged
