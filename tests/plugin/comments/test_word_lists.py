"""The hold and spam word lists match whole words and phrases, never a word inside another."""

import pytest

from blog.comments.models import ReaderComment
from blog.comments.wordlists import WordList

Status = ReaderComment.Status

# Entries a site owner might list, each with innocent text that holds it inside other words.
INNOCENT = [
    ("cialis", "My specialist recommended this stretch."),
    ("cialis", "Ask for a SPECIALIST referral."),
    ("viagra", "Niagara Falls was where my back pain started."),
    ("rapist", "My therapist was kind and careful."),
    ("anal", "An analysis of the studies would help."),
    ("ass", "The assessment took an hour and my class helped."),
    ("sex", "I live in Sussex and found a clinic nearby."),
    ("porn", "Pornographic? No: just a photo of a foam roller."),
    ("hell", "Hello, thank you for writing this."),
    ("cum", "Document the circumference of the swelling."),
    ("loan", "My colleague Siobhan found this helpful."),
    ("casino", "Casinos aside, I found the breathing tips useful."),
    ("cheap pills", "Cheap, and the pills my doctor gave me helped."),
    ("kill", "Skilled hands made a difference."),
    ("die", "The studies were about diet and stretching."),
    ("drug", "Drugstore ice packs work fine."),
]


@pytest.mark.parametrize(("entry", "text"), INNOCENT)
def test_entries_never_match_inside_other_words(entry, text):
    assert not WordList(entry).matches_text(text)


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("cialis", "Buy Cialis today"),
        ("cialis", "BUY CIALIS"),
        ("cialis", "cheap cíalis here"),  # accents do not hide a word
        ("Cíalis", "cialis"),  # nor do they in the entry
        ("cheap pills", "Get CHEAP   pills!"),
        ("cheap pills", "cheap\npills"),
        ("casino", "casino-bonus"),  # a hyphen separates words
        ("ass", "You ass."),
    ],
)
def test_entries_match_whole_words_and_phrases_in_any_case_or_accent(entry, text):
    assert WordList(entry).matches_text(text)


def test_a_phrase_needs_all_its_words_in_order():
    phrases = WordList("cheap pills")
    assert not phrases.matches_text("cheap")
    assert not phrases.matches_text("pills are cheap")


@pytest.mark.parametrize(
    ("entries", "email", "matches"),
    [
        ("cialis", "dr.specialist@clinic.example", False),
        ("cialis", "cialis@clinic.example", False),  # a word is not an address
        ("spammer@mail.example", "Spammer@Mail.Example", True),
        ("spammer@mail.example", "other@mail.example", False),
        ("spam.example", "anyone@spam.example", True),
        ("spam.example", "anyone@eu.spam.example", True),  # subdomains of a listed domain
        ("spam.example", "anyone@notspam.example", False),
        ("spam.example", "spam.example@gmail.example", False),
    ],
)
def test_an_email_matches_only_a_whole_address_or_domain(entries, email, matches):
    assert WordList(entries).matches_email(email) is matches


def test_blank_lines_are_not_entries():
    assert not WordList("\n   \n")
    assert not WordList("\n \n").matches_text("anything at all")
