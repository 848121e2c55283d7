"""Our own Markdown files (blog.transfer.markdown_files says how they look), read and
checked: every problem of every file is found before anything is written."""

import datetime
from pathlib import Path

from django.utils.translation import gettext as _

from ..markdown_files import FrontMatterError, read_file
from .front_matter import written_date

KINDS = ("techniques", "authors", "articles")


class ContentError(Exception):
    pass


def _list(data, key, path):
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ContentError(_("%(path)s: %(key)s must be a list") % {"path": path, "key": key})
    return value


def _text(data, key, path, required=False):
    value = data.get(key)
    if value is None:
        if required:
            raise ContentError(_("%(path)s: %(key)s is missing") % {"path": path, "key": key})
        return ""
    if isinstance(value, int | float | datetime.date):
        value = str(value)
    if not isinstance(value, str):
        raise ContentError(_("%(path)s: %(key)s must be text") % {"path": path, "key": key})
    return value


def _date(data, key, path):
    """The day a date (or a date and time, as Jekyll writes them) is on, as written."""
    try:
        return written_date(data.get(key))
    except ValueError as error:
        raise ContentError(
            _("%(path)s: %(key)s must be a date (YYYY-MM-DD, or a date and a time)")
            % {"path": path, "key": key}
        ) from error


def _months(data, key, path):
    """A number of months from 1 to 120, or None when not given."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise ContentError(
            _("%(path)s: %(key)s must be a number of months from 1 to 120")
            % {"path": path, "key": key}
        )
    return value


def _references(data, path):
    rows = []
    for row in _list(data, "references", path):
        if not isinstance(row, dict) or not row.get("citation"):
            raise ContentError(_("%(path)s: each reference needs a citation") % {"path": path})
        rows.append(
            {
                "citation": str(row["citation"]),
                "url": str(row.get("url") or ""),
                "doi": str(row.get("doi") or ""),
            }
        )
    return rows


def _common(data, path):
    """What a file of every kind says alike: where it is, its slug, whether it is a draft,
    and its picture."""
    return {
        "path": str(path),
        "slug": _text(data, "slug", path) or Path(path).stem,
        "draft": bool(data.get("draft", False)),
        "image": _text(data, "image", path),
        "image_alt": _text(data, "image_alt", path),
    }


def _strings(data, name, path):
    return [str(item) for item in _list(data, name, path)]


def read_article(path):
    data, body = read_file(path)
    return {
        **_common(data, path),
        "title": _text(data, "title", path, required=True),
        "date": _date(data, "date", path),
        "summary": _text(data, "summary", path),
        "authors": _strings(data, "authors", path),
        "techniques": _strings(data, "techniques", path),
        "tags": _strings(data, "tags", path),
        "reviewer": _text(data, "reviewer", path) or None,
        "last_reviewed": _date(data, "last_reviewed", path),
        "review_interval_months": _months(data, "review_interval_months", path),
        "show_contents": bool(data.get("show_contents", True)),
        "references": _references(data, path),
        "comments_open": bool(data.get("comments_open", True)),
        "body": body,
    }


def read_technique(path):
    data, _body = read_file(path)
    benefits = []
    for row in _list(data, "benefits", path):
        if not isinstance(row, dict) or not row.get("label"):
            raise ContentError(
                _("%(path)s: each benefit needs a label and an explanation") % {"path": path}
            )
        benefits.append((str(row["label"]), str(row.get("explanation") or "")))
    return {
        **_common(data, path),
        "title": _text(data, "title", path, required=True),
        "summary": _text(data, "summary", path),
        "benefits": benefits,
        "references": _references(data, path),
        "related": _strings(data, "related", path),
        **{
            name: _text(data, name, path)
            for name in ("what_it_is", "how_it_works", "safety", "evidence")
        },
    }


def read_author(path):
    data, body = read_file(path)
    return {
        **_common(data, path),
        "name": _text(data, "name", path, required=True),
        "credentials": _text(data, "credentials", path),
        "short_bio": _text(data, "short_bio", path),
        "specialties": _strings(data, "specialties", path),
        "long_bio": body,
    }


READERS = {"techniques": read_technique, "authors": read_author, "articles": read_article}


def read_own(directory):
    """({"techniques": [...], "authors": [...], "articles": [...]}, problems): each file
    that can be read, and (path, reason) for each that cannot."""
    directory = Path(directory)
    found, problems = {}, []
    for kind in KINDS:
        items = []
        for path in sorted((directory / kind).glob("*.md")):
            try:
                items.append(READERS[kind](path))
            except (FrontMatterError, ContentError) as error:
                problems.append((str(path), str(error).removeprefix(f"{path}: ")))
        seen = {}
        for item in items:
            if item["slug"] in seen:
                problems.append(
                    (
                        item["path"],
                        _("the slug %(slug)s is also the slug of %(other)s")
                        % {"slug": item["slug"], "other": seen[item["slug"]]},
                    )
                )
            else:
                seen[item["slug"]] = item["path"]
        bad = {path for path, _reason in problems}
        found[kind] = [item for item in items if item["path"] not in bad]
    found["articles"].sort(key=lambda item: (item["date"] or datetime.date.max, item["slug"]))
    return found, problems


def holds_own_files(directory):
    return any(any((Path(directory) / kind).glob("*.md")) for kind in KINDS)
