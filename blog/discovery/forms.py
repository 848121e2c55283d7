import re

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The site search box (``?q=``). Only the words of a query are searched for, so quotes,
    operators and other punctuation a search backend might choke on never reach it."""

    MAX_LENGTH = 200
    WORD_RE = re.compile(r"\w+")

    q = forms.CharField(
        label=_("Search articles, techniques and authors"),
        required=False,
        max_length=MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Searches can be up to %(limit_value)d characters long. "
                "Try a few key words instead."
            ),
        },
    )

    @property
    def query(self):
        """What the reader typed, once it is valid; "" otherwise."""
        return self.cleaned_data["q"] if self.is_valid() else ""

    @property
    def terms(self):
        """The words to search for: none for a blank, over-long or wordless query."""
        return self.WORD_RE.findall(self.query)
