"""Ids as URLs and forms take them: digits that fit the 64-bit integer columns ids live in.

A bigger number can name nothing, yet reaches the database as an overflow (a 500 on SQLite)
or a needless query; here it is no match (a 404) or an invalid value instead.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def parse_id(text):
    """``text`` as an id, or None if it cannot be one."""
    text = str(text).strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """``<wellness_id:pk>``: like ``<int:pk>``, for ids only."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(f"{value} is not an id")  # Django: no match, so a 404
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "wellness_id")
