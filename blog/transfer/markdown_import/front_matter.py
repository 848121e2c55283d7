"""Front matter as static site generators write it: YAML between ``---`` lines (Jekyll,
Hugo), TOML between ``+++`` lines or a JSON object (Hugo); and the values people put in it:
dates in any of the forms Jekyll and Hugo take, lists written as lists or as words."""

import datetime
import json
import re
import tomllib
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from django.utils import timezone
from django.utils.translation import gettext as _

FENCES = {"---": "yaml", "+++": "toml"}
# 2013-05-06, 2013-05-06 02:12, 2013-05-06T02:12:52.5Z, 2013-05-06 02:12:52 +0200 (Jekyll's
# own form, which YAML does not take for a timestamp), 2019-03-26T08:47:11+01:00.
TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}:?\d{2}|[+-]\d{2})?$"
)


class FrontMatterError(ValueError):
    pass


def split(text):
    """(front matter as a dict, the body below it), or (None, text) for a file without
    front matter. FrontMatterError if the front matter cannot be read."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0].strip()
    if first_line.startswith("{"):
        return _json(text)
    kind = FENCES.get(first_line)
    if kind is None:
        return None, text
    lines = text.split("\n")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == first_line:
            source = "\n".join(lines[1:number])
            body = "\n".join(lines[number + 1 :])
            return _load(kind, source), body.removeprefix("\n")
    raise FrontMatterError(_("the front matter has no closing %(fence)s") % {"fence": first_line})


def _load(kind, source):
    try:
        data = yaml.safe_load(source) if kind == "yaml" else tomllib.loads(source)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        raise FrontMatterError(" ".join(str(error).split())) from error
    data = data or {}
    if not isinstance(data, dict):
        raise FrontMatterError(_("the front matter is not a mapping"))
    return data


def _json(text):
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        raise FrontMatterError(str(error)) from error
    if not isinstance(data, dict):
        raise FrontMatterError(_("the front matter is not a mapping"))
    return data, text[end:].lstrip("\n")


def site_zone(name):
    """The time zone a site's configuration names, or None (the server's)."""
    try:
        return ZoneInfo(str(name)) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def timestamp(value, zone=None):
    """A front matter date as an aware datetime (a date alone at midnight), in ``zone``
    when it gives no offset; None when there is none; ValueError if it is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        found = value
    elif isinstance(value, datetime.date):
        found = datetime.datetime.combine(value, datetime.time())
    else:
        found = _parse(str(value).strip())
    if timezone.is_naive(found):
        found = found.replace(tzinfo=zone) if zone else timezone.make_aware(found)
    return found


def written_date(value):
    """The day of a front matter date, as written (not moved to another time zone); None
    when there is none; ValueError if it is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return _parse(str(value).strip()).date()


def _parse(text):
    match = TIMESTAMP.match(text)
    if match is None:
        raise ValueError(text)
    year, month, day, hour, minute, second, offset = match.groups()
    found = datetime.datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
    )
    if offset is None:
        return found
    if offset.upper() in ("Z", "UTC"):
        return found.replace(tzinfo=datetime.UTC)
    digits = offset[1:].replace(":", "").ljust(4, "0")
    delta = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return found.replace(tzinfo=datetime.timezone(delta if offset[0] == "+" else -delta))


def words(value):
    """A list of names, written as a list or as words separated by spaces (Jekyll's
    ``categories: jekyll update``) or commas."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value).strip()
    return [part for part in re.split(r"\s*,\s*" if "," in text else r"\s+", text) if part]


def names(value):
    """People named in front matter: a list of names, or one name (spaces and all)."""
    if isinstance(value, list | tuple):
        return [text(item) for item in value if text(item)]
    return [text(value)] if text(value) else []


def text(value):
    """A front matter value as text: numbers and dates as written, lists joined."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text(item) for item in value)
    return str(value).strip()


def flag(value):
    """``true``, ``yes``, ``"true"``: YAML's booleans, and their spellings as text."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    return bool(value)
