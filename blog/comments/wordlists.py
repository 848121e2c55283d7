"""The site owner's word lists ("hold", "spam"), matched the way a person reads them.

An entry is a word or a phrase. It matches whole words only, whatever their case or accents:
"cialis" catches "Cialis" and "CIÁLIS" but never "specialist"; "cheap pills" catches
"Cheap   pills!" but not "cheap" alone. An e-mail address is matched only as a whole address
("someone@spam.example") or domain ("spam.example", with its subdomains), never by a word
inside it, so "cialis" leaves "dr.specialist@clinic.example" alone.
"""

import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"\w+")


def fold(text):
    """``text`` without case or accents: "Ánxiety" and "anxiety" read the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    return tuple(WORD_RE.findall(fold(text)))


class WordList:
    """The non-blank lines of a list, each a word or phrase."""

    def __init__(self, text):
        lines = [line.strip() for line in text.splitlines()]
        self.phrases = {words(line) for line in lines if words(line)}
        # What an e-mail entry can be: a whole address, or a domain.
        self.addresses = {fold(line) for line in lines if "@" in line}
        self.domains = {fold(line).lstrip(".") for line in lines if "." in line and "@" not in line}

    def __bool__(self):
        return bool(self.phrases)

    def matches_text(self, text):
        """Whether ``text`` contains an entry as whole words, in order."""
        found = words(text)
        sizes = {len(phrase) for phrase in self.phrases}
        runs = {found[i : i + size] for size in sizes for i in range(len(found) - size + 1)}
        return not self.phrases.isdisjoint(runs)

    def matches_email(self, address):
        address = fold(address.strip())
        if address in self.addresses:
            return True
        domain = address.rpartition("@")[2]
        return any(domain == entry or domain.endswith(f".{entry}") for entry in self.domains)

    def matches(self, *, name="", email="", body=""):
        """Whether a comment's name, e-mail or text holds an entry."""
        return self.matches_text(name) or self.matches_text(body) or self.matches_email(email)


@lru_cache(maxsize=64)
def word_list(text):
    """The ``WordList`` of ``text``, read once per process rather than at every comment."""
    return WordList(text)
