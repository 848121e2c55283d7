"""Articles, techniques and authors as Markdown files with YAML front matter, as Jekyll and
Hugo keep posts: one file each, pictures in an ``images/`` folder beside them.

```
DIR/articles/<slug>.md     front matter: title, slug, date, draft, summary, authors,
                           techniques, tags, image, image_alt, reviewer, last_reviewed,
                           review_interval_months, show_contents, references,
                           comments_open; the body below it
DIR/techniques/<slug>.md   title, slug, summary, image, image_alt, benefits, references,
                           related, what_it_is, how_it_works, safety, evidence
DIR/authors/<slug>.md      name, slug, credentials, short_bio, image, image_alt,
                           specialties; the biography below
DIR/images/<name>.<ext>
```

An article body is Markdown; the blocks that are not Markdown are written so that they
come back as they were:

```
![Alt text](images/name.jpg "Caption")          an image with its caption (alone in its
                                                 paragraph; no alt text: decorative)
{{< pull-quote attribution="Who said it" >}}
The quote.
{{< /pull-quote >}}
{{< technique slug="trigger-point-therapy" note="Why it matters here" >}}
{{< break >}}                                    between two Markdown blocks
```

Export, then import into an empty site, then export again gives the same bytes.
"""

import hashlib
import json
import re
from pathlib import Path

import yaml
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .html import ImageRef

FRONT_MATTER = "---\n"
# Long values stay on one line, as people write them, rather than folded over several.
LINE_WIDTH = 100_000
SHORTCODE = re.compile(r"^\{\{<\s*(/?[a-z-]+)((?:\s+[a-z_]+=\"(?:[^\"\\]|\\.)*\")*)\s*>\}\}$")
ATTRIBUTE = re.compile(r"([a-z_]+)=(\"(?:[^\"\\]|\\.)*\")")
IMAGE_LINE = re.compile(
    r"^!\[((?:[^\]\\]|\\.)*)\]\((images/[^\s)]+)(?: \"((?:[^\"\\]|\\.)*)\")?\)$"
)
UNESCAPE = re.compile(r"\\(.)")
ALT_SPECIALS = "\\[]"
CAPTION_SPECIALS = '\\"'
PULL_QUOTE_END = "{{< /pull-quote >}}"


class FrontMatterError(ValueError):
    pass


class Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing text of several lines as a literal block (``|``)."""


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _represent_str)


def dump_yaml(data):
    return yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=LINE_WIDTH, indent=2
    )


def write_file(path, front_matter, body=""):
    text = FRONT_MATTER + dump_yaml(front_matter) + FRONT_MATTER
    if body:
        text += "\n" + body.strip("\n") + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def read_file(path):
    """(front matter, body) of a Markdown file."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith(FRONT_MATTER):
        raise FrontMatterError(
            _("%(path)s: no front matter (the file must start with ---)") % {"path": path}
        )
    end = text.find("\n---\n", len(FRONT_MATTER) - 1)
    if end == -1:
        if text.rstrip("\n").endswith("\n---"):
            end = text.rstrip("\n").rfind("\n---")
        else:
            raise FrontMatterError(
                _("%(path)s: the front matter has no closing ---") % {"path": path}
            )
    try:
        data = yaml.safe_load(text[len(FRONT_MATTER) : end + 1]) or {}
    except yaml.YAMLError as error:
        raise FrontMatterError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise FrontMatterError(_("%(path)s: the front matter is not a mapping") % {"path": path})
    body = text[end + len("\n---\n") :]
    return data, body.removeprefix("\n")


# Bodies


def _quote(value):
    return json.dumps(value, ensure_ascii=False)


def _escape(text, specials):
    return "".join("\\" + char if char in specials else char for char in text)


def shortcode(name, **attributes):
    attrs = "".join(f" {key}={_quote(value)}" for key, value in attributes.items() if value)
    return "{{< " + name + attrs + " >}}"


def body_to_text(blocks):
    """Markdown for an article body: ``blocks`` are (type, value) pairs, with an image's
    value a dict of ``path``, ``alt`` and ``caption``, a callout's ``technique`` a slug."""
    chunks, previous = [], None
    for block_type, value in blocks:
        if block_type == "markdown":
            text = value.strip("\n")
            if not text.strip():
                continue
            if previous == "markdown":
                chunks.append(shortcode("break"))
            chunks.append(text)
        elif block_type == "image":
            alt = _escape(value["alt"], ALT_SPECIALS)
            line = f"![{alt}]({value['path']}"
            if value["caption"]:
                line += ' "' + _escape(value["caption"], CAPTION_SPECIALS) + '"'
            chunks.append(line + ")")
        elif block_type == "pull_quote":
            opening = shortcode("pull-quote", attribution=value.get("attribution", ""))
            quote = value["quote"].strip("\n")
            chunks.append(f"{opening}\n{quote}\n{PULL_QUOTE_END}")
        elif block_type == "technique_callout":
            chunks.append(shortcode("technique", slug=value["technique"], note=value["note"]))
        else:
            continue
        previous = block_type
    return "\n\n".join(chunks) + "\n" if chunks else ""


def text_to_body(text):
    """The (type, value) pairs of an article body written by body_to_text: Markdown as text,
    images as ImageRefs (``src`` a path inside the folder), callouts with a technique slug."""
    lines = text.split("\n")
    blocks, pending = [], []

    def flush():
        markdown = "\n".join(pending).strip("\n")
        pending.clear()
        if markdown.strip():
            blocks.append(("markdown", markdown + "\n"))

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        shortcode_match = SHORTCODE.match(stripped)
        image_match = IMAGE_LINE.match(stripped)
        blank_before = index == 0 or not lines[index - 1].strip()
        blank_after = index + 1 >= len(lines) or not lines[index + 1].strip()
        if shortcode_match:
            name = shortcode_match[1]
            attrs = {key: json.loads(value) for key, value in ATTRIBUTE.findall(shortcode_match[2])}
            if name == "break":
                flush()
            elif name == "technique":
                flush()
                blocks.append(
                    (
                        "technique_callout",
                        {"technique": attrs.get("slug", ""), "note": attrs.get("note", "")},
                    )
                )
            elif name == "pull-quote":
                flush()
                quote = []
                index += 1
                while index < len(lines) and lines[index].strip() != PULL_QUOTE_END:
                    quote.append(lines[index])
                    index += 1
                blocks.append(
                    (
                        "pull_quote",
                        {
                            "quote": "\n".join(quote).strip("\n"),
                            "attribution": attrs.get("attribution", ""),
                        },
                    )
                )
            else:
                pending.append(line)
        elif image_match and blank_before and blank_after:
            flush()
            alt = UNESCAPE.sub(r"\1", image_match[1])
            caption = UNESCAPE.sub(r"\1", image_match[3] or "")
            blocks.append(
                ("image", ImageRef(image_match[2], alt, caption, Path(image_match[2]).stem))
            )
        else:
            pending.append(line)
        index += 1
    flush()
    return blocks


# Images


def image_extension(image):
    suffix = Path(image.file.name).suffix.lower()
    return ".jpg" if suffix == ".jpeg" else suffix or ".jpg"


def image_file_names(images):
    """{image id: "images/<name>"}: the title as a slug, with the start of the file's hash
    where two different pictures would share a name."""
    names = {}
    by_name = {}
    for image in images:
        stem = slugify(image.title)[:80].strip("-") or "image"
        by_name.setdefault(stem + image_extension(image), []).append(image)
    for name, group in by_name.items():
        hashes = {image.file_hash or image.get_file_hash() for image in group}
        for image in group:
            if len(hashes) > 1:
                stem, extension = name.rsplit(".", 1)
                names[image.pk] = f"images/{stem}-{image.file_hash[:8]}.{extension}"
            else:
                names[image.pk] = f"images/{name}"
    return names


def file_digest(path):
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()  # noqa: S324 (as Wagtail's)
