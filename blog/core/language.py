"""The site's language (``LANGUAGE_CODE``), which what is written for no reader's request is
in, whoever's request it follows: e-mail, warmed pages, the names left after an erasure."""

from django.conf import settings
from django.utils import translation


def site_language():
    """A context manager: the block runs in the site's language."""
    return translation.override(settings.LANGUAGE_CODE)


def in_site_language(text):
    """``text`` (a lazy translation) translated into the site's language."""
    with site_language():
        return str(text)
