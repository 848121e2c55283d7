"""Front matter as Jekyll and Hugo users write it: every form of date they take, lists as
lists or words, and YAML, TOML and JSON front matter."""

import datetime

import pytest

from blog.transfer.markdown_import.front_matter import (
    FrontMatterError,
    names,
    site_zone,
    split,
    timestamp,
    words,
    written_date,
)

OSLO = site_zone("Europe/Oslo")
UTC = datetime.UTC


@pytest.mark.parametrize(
    "value, expected",
    [
        # Jekyll's own form, quoted or not (YAML takes neither for a timestamp).
        ("2013-05-06 02:12:52 +0200", datetime.datetime(2013, 5, 6, 0, 12, 52, tzinfo=UTC)),
        ("2013-05-06 02:12:52 -0500", datetime.datetime(2013, 5, 6, 7, 12, 52, tzinfo=UTC)),
        ("2013-05-06 02:12", datetime.datetime(2013, 5, 6, 0, 12, tzinfo=UTC)),  # Oslo time
        ("2013-05-06", datetime.datetime(2013, 5, 5, 22, tzinfo=UTC)),
        ("2019-03-26T08:47:11+01:00", datetime.datetime(2019, 3, 26, 7, 47, 11, tzinfo=UTC)),
        ("2019-03-26T08:47:11.25Z", datetime.datetime(2019, 3, 26, 8, 47, 11, tzinfo=UTC)),
        # What YAML and TOML give for unquoted dates.
        (datetime.date(2016, 1, 10), datetime.datetime(2016, 1, 9, 23, tzinfo=UTC)),
        (
            datetime.datetime(
                2016, 1, 10, 18, 30, tzinfo=datetime.timezone(-datetime.timedelta(hours=5))
            ),
            datetime.datetime(2016, 1, 10, 23, 30, tzinfo=UTC),
        ),
        (None, None),
        ("", None),
    ],
)
def test_every_date_jekyll_and_hugo_take_is_read(value, expected):
    assert timestamp(value, OSLO) == expected


@pytest.mark.parametrize("value", ["soon", "2013-13-01", "06/05/2013"])
def test_what_is_no_date_is_said_to_be_none(value):
    with pytest.raises(ValueError):
        timestamp(value, OSLO)


def test_the_day_of_a_date_is_the_day_written():
    """A post written late on the 6th in New York was written on the 6th."""
    assert written_date("2013-05-06 23:30:00 -0500") == datetime.date(2013, 5, 6)
    assert written_date(datetime.date(2013, 5, 6)) == datetime.date(2013, 5, 6)


def test_lists_are_lists_or_words_and_names_are_whole():
    assert words("jekyll update") == ["jekyll", "update"]
    assert words(["self care", "sleep"]) == ["self care", "sleep"]
    assert words("self care, sleep") == ["self care", "sleep"]
    assert words(None) == []
    assert names("Jonah Whitlowe") == ["Jonah Whitlowe"]
    assert names(["Ana", "Ben"]) == ["Ana", "Ben"]


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: Breath\ntags: [a, b]\n---\nBody.\n",
        "+++\ntitle = 'Breath'\ntags = ['a', 'b']\n+++\nBody.\n",
        '{\n  "title": "Breath",\n  "tags": ["a", "b"]\n}\nBody.\n',
    ],
)
def test_yaml_toml_and_json_front_matter_are_read(source):
    data, body = split(source)
    assert data == {"title": "Breath", "tags": ["a", "b"]}
    assert body == "Body.\n"


def test_a_file_without_front_matter_and_a_broken_one():
    assert split("Just text.\n") == (None, "Just text.\n")
    with pytest.raises(FrontMatterError, match="no closing"):
        split("---\ntitle: Never closed\n")
    with pytest.raises(FrontMatterError):
        split("+++\ntitle = \n+++\n")
