"""Pictures of imported posts: read from a local folder or fetched over HTTP (with a
timeout), checked to be images, and stored once however often they are used (by the URL they
came from, then by the SHA-1 of their bytes, as Wagtail records it)."""

import hashlib
import io
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import requests
from django.core.files.images import ImageFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model

from . import records
from .report import CREATED, SKIPPED

TIMEOUT = (5, 30)  # connect, read (seconds)
MAX_BYTES = 25 * 1024 * 1024
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
# WordPress serves resized copies as name-300x200.jpg beside the original name.jpg.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
# WordPress.com's image CDN (Photon) serves i0.wp.com/<host>/<path> for <host>/<path>.
PHOTON = re.compile(r"^i\d\.wp\.com$")
# Hosts that resize by query string (?w=1024, ?format=1500w): without it, the original.
RESIZING_HOSTS = (".files.wordpress.com", ".wp.com", "squarespace-cdn.com", "squarespace.com")


def original_location(location):
    """The address of the original of a picture a CDN serves resized: WordPress.com's
    Photon (i0.wp.com) and ?w= sizes, Squarespace's ?format= sizes."""
    parts = urlsplit(location)
    host = (parts.hostname or "").lower()
    if PHOTON.match(host):
        inner_host, _slash, path = parts.path.lstrip("/").partition("/")
        return f"https://{inner_host}/{path}" if inner_host and path else location
    if parts.query and host.endswith(RESIZING_HOSTS):
        return parts._replace(query="").geturl()
    return location


class ImageUnavailable(Exception):
    pass


def check_image(data):
    """The file extension for ``data``, or ImageUnavailable if it is not a picture Wagtail
    takes."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            kind = picture.format
            picture.verify()
    except Exception as error:
        raise ImageUnavailable(_("not an image (%(error)s)") % {"error": error}) from error
    if kind not in FORMATS:
        raise ImageUnavailable(_("unsupported image format %(kind)s") % {"kind": kind})
    return FORMATS[kind]


class ImageStore:
    """Finds or makes the Wagtail image for a location: a URL (WordPress, feeds) or a path
    inside a folder (Markdown files).

    Reading happens in ``prefetch()``, before the database transaction of the post that uses
    the pictures, so a slow server never holds a write lock; ``get()`` then stores them.
    """

    def __init__(self, source, report, media_dir=None, fetch=True, session=None):
        self.source = source
        self.report = report
        self.media_dir = Path(media_dir) if media_dir else None
        self.fetch = fetch
        self.session = session or requests.Session()
        self.fetched = {}  # location -> (bytes, file name) or ImageUnavailable
        self.known = {}  # location -> image id, for images stored by committed posts

    # Reading

    def local_candidates(self, location):
        if self.media_dir is None:
            return []
        path = unquote(urlsplit(original_location(location)).path)
        if "/wp-content/uploads/" in path:
            path = path.split("/wp-content/uploads/", 1)[1]
        relative = posixpath.normpath(path.lstrip("/"))
        if relative.startswith(".."):
            return []
        names = [relative]
        original = SIZE_SUFFIX.sub("", relative)
        if original != relative:
            names.insert(0, original)  # the full-size original makes better renditions
        candidates = []
        for name in names:
            candidate = (self.media_dir / name).resolve()
            if self.media_dir.resolve() in candidate.parents:
                candidates.append(candidate)
        # A flat folder of files works too.
        flat = (self.media_dir / posixpath.basename(relative)).resolve()
        if flat not in candidates and self.media_dir.resolve() in flat.parents:
            candidates.append(flat)
        return candidates

    def read(self, location):
        """(bytes, file name) of the picture at ``location``."""
        for candidate in self.local_candidates(location):
            if candidate.is_file():
                return candidate.read_bytes(), candidate.name
        scheme = urlsplit(location).scheme.lower()
        if scheme not in ("http", "https"):
            raise ImageUnavailable(_("not in the media folder"))
        if not self.fetch:
            raise ImageUnavailable(_("not in the media folder, and fetching is off"))
        location = original_location(location)
        try:
            with self.session.get(location, timeout=TIMEOUT, stream=True) as response:
                if response.status_code != 200:
                    raise ImageUnavailable(_("HTTP %(status)s") % {"status": response.status_code})
                data = b""
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > MAX_BYTES:
                        raise ImageUnavailable(_("larger than 25 MB"))
        except requests.RequestException as error:
            raise ImageUnavailable(type(error).__name__) from error
        name = posixpath.basename(unquote(urlsplit(location).path)) or "image"
        return data, name

    def prefetch(self, locations):
        """Read every picture not stored yet, outside any transaction."""
        for location in locations:
            if not location or location in self.fetched or location in self.known:
                continue
            if self.remembered(location) is not None:
                continue
            try:
                data, name = self.read(location)
                extension = check_image(data)
                self.fetched[location] = (data, name, extension)
            except ImageUnavailable as error:
                self.fetched[location] = error

    def remembered(self, location):
        record_id = self.known.get(location)
        if record_id is not None or not self.source:
            return record_id
        obj = records.find(self.source, f"image:{location}", get_image_model())
        if obj is not None:
            self.known[location] = obj.pk
            return obj.pk
        return None

    # Storing

    def get(self, location, title, pending):
        """The stored image for ``location``, or None (the reason is reported). New images
        are noted in ``pending`` and remembered once their post's transaction commits."""
        Image = get_image_model()
        if not location:
            return None
        if location in pending:
            return Image.objects.get(pk=pending[location])
        image_id = self.remembered(location)
        if image_id is not None:
            self.report.count("image", SKIPPED, _("already imported"))
            return Image.objects.get(pk=image_id)
        if self.report.dry_run and location not in self.fetched:
            self.report.count("image", CREATED, _("would be read or fetched"))
            return None
        if location not in self.fetched:
            self.prefetch([location])
        found = self.fetched[location]
        if isinstance(found, ImageUnavailable):
            self.report.warn(
                _("image %(location)s skipped: %(reason)s")
                % {"location": location, "reason": found}
            )
            self.report.count("image", SKIPPED, _("could not be read or fetched"))
            return None
        data, name, extension = found
        image, created = self.store(data, name, extension, title)
        reason = None if created else _("same file as an image already here")
        self.report.count("image", CREATED if created else SKIPPED, reason)
        if self.source:
            records.remember(self.source, f"image:{location}", image)
        pending[location] = image.pk
        return image

    def store(self, data, name, extension, title):
        """(image, created): the image with these bytes, stored if new."""
        Image = get_image_model()
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's file_hash is SHA-1)
        existing = Image.objects.filter(file_hash=digest).order_by("pk").first()
        if existing is not None:
            return existing, False
        stem = slugify(Path(name).stem, allow_unicode=False)[:60] or "image"
        image = Image(
            title=(title or Path(name).stem)[:255],
            file=ImageFile(io.BytesIO(data), name=f"{stem}{extension}"),
        )
        image._set_image_file_metadata()  # its size and hash, as an upload in the admin gets
        image.save()
        return image, True

    def committed(self, pending):
        self.known.update(pending)
        for location in pending:
            self.fetched.pop(location, None)
