"""Media another blog embedded (a YouTube video, a SoundCloud track, an audio file...), as the
link an article shows in its place: the article body has no embed block, and a link with
words that say what it leads to works for every reader, screen readers included.

Which addresses are media follows WordPress's own list of oEmbed providers (the ones a
post's bare URL on a line of its own turns into a player), cut to those people post."""

import posixpath
import re
from html import escape
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

VIDEO, AUDIO, OTHER = "video", "audio", "other"
# Host (or a parent domain of it) -> (the provider's name, what it mostly serves).
PROVIDERS = {
    "youtube.com": ("YouTube", VIDEO),
    "youtu.be": ("YouTube", VIDEO),
    "vimeo.com": ("Vimeo", VIDEO),
    "dailymotion.com": ("Dailymotion", VIDEO),
    "ted.com": ("TED", VIDEO),
    "wordpress.tv": ("WordPress.tv", VIDEO),
    "videopress.com": ("VideoPress", VIDEO),
    "tiktok.com": ("TikTok", VIDEO),
    "soundcloud.com": ("SoundCloud", AUDIO),
    "open.spotify.com": ("Spotify", AUDIO),
    "mixcloud.com": ("Mixcloud", AUDIO),
    "podcasts.apple.com": ("Apple Podcasts", AUDIO),
    "twitter.com": ("X (Twitter)", OTHER),
    "x.com": ("X (Twitter)", OTHER),
    "instagram.com": ("Instagram", OTHER),
    "flickr.com": ("Flickr", OTHER),
    "slideshare.net": ("SlideShare", OTHER),
    "speakerdeck.com": ("Speaker Deck", OTHER),
    "pinterest.com": ("Pinterest", OTHER),
    "reddit.com": ("Reddit", OTHER),
    "tumblr.com": ("Tumblr", OTHER),
    "gist.github.com": ("GitHub Gist", OTHER),
}
AUDIO_FILES = {".mp3", ".m4a", ".ogg", ".oga", ".wav", ".wma", ".flac", ".aac"}
VIDEO_FILES = {".mp4", ".m4v", ".webm", ".ogv", ".mov", ".wmv", ".flv", ".avi"}
URL = r"https?://[^\s<>\"']+"
# WordPress's autoembed: a URL alone on its line, or alone in a paragraph.
URL_ON_ITS_LINE = re.compile(rf"^([ \t]*)({URL})([ \t]*)$", re.M)
URL_IN_PARAGRAPH = re.compile(rf"(<p(?:\s[^>]*)?>\s*)({URL})(\s*</p>)", re.I)


def provider(url):
    """(name, kind) of the media provider at ``url``, or None."""
    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in PROVIDERS:
            return PROVIDERS[host]
        host = host.partition(".")[2] if "." in host else ""
    return None


def file_kind(url):
    extension = posixpath.splitext(urlsplit(url).path)[1].lower()
    if extension in AUDIO_FILES:
        return AUDIO
    if extension in VIDEO_FILES:
        return VIDEO
    return None


def is_media(url):
    return provider(url) is not None or file_kind(url) is not None


def watch_url(url):
    """The page for a player's address: YouTube's and Vimeo's embed URLs become the URLs
    people open (the embed URL shows a bare player)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    youtube = host.endswith(("youtube.com", "youtube-nocookie.com"))
    if youtube and parts.path.startswith("/embed/"):
        video = parts.path.removeprefix("/embed/").strip("/")
        return f"https://www.youtube.com/watch?v={video}" if video else url
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.removeprefix('/video/').strip('/')}"
    return url


def youtube_url(value):
    """A YouTube URL for what a shortcode gives: a URL already, or a video id."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return value
    return f"https://www.youtube.com/watch?v={value}" if value else ""


def label(url, kind=None):
    """The words of a link to the media at ``url``."""
    found = provider(url)
    kind = kind or (found[1] if found else file_kind(url)) or OTHER
    if found:
        if kind == VIDEO:
            return _("Watch the video on %(provider)s") % {"provider": found[0]}
        if kind == AUDIO:
            return _("Listen on %(provider)s") % {"provider": found[0]}
        return _("See it on %(provider)s") % {"provider": found[0]}
    name = unquote(posixpath.basename(urlsplit(url).path)) or url
    if kind == VIDEO:
        return _("Watch the video (%(file)s)") % {"file": name}
    if kind == AUDIO:
        return _("Listen to the recording (%(file)s)") % {"file": name}
    return name


def media_html(url, kind=None):
    """A paragraph holding a link to the media: HTML, for posts in HTML."""
    return f'<p><a href="{escape(url)}">{escape(label(url, kind))}</a></p>'


def media_markdown(url, kind=None):
    text = label(url, kind).replace("[", "\\[").replace("]", "\\]")
    return f"[{text}]({url.replace(' ', '%20').replace(')', '%29')})"


def link_bare_media_urls(html):
    """Media URLs alone on their line or in their paragraph, as WordPress turns them into
    players, become links; any other bare URL stays as it is."""

    def on_line(match):
        url = match[2]
        return media_html(url) if is_media(url) else match[0]

    def in_paragraph(match):
        url = match[2]
        return media_html(url) if is_media(url) else match[0]

    return URL_ON_ITS_LINE.sub(on_line, URL_IN_PARAGRAPH.sub(in_paragraph, html))
