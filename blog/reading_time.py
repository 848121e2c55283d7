"""How long an article takes to read, shown as "2 min read"."""

import math
import re

# Brysbaert (2019) puts average silent reading of English non-fiction at 238 words a minute.
WORDS_PER_MINUTE = 238
# Readers pause on pictures; Medium's rule of thumb is about twelve seconds each.
SECONDS_PER_IMAGE = 12

WORD_RE = re.compile(r"\w+(?:['\u2019-]\w+)*")


def count_words(text):
    return len(WORD_RE.findall(text or ""))


def reading_time_minutes(words, images=0):
    """Whole minutes, rounded up and never less than one."""
    seconds = words * 60 / WORDS_PER_MINUTE + images * SECONDS_PER_IMAGE
    return max(1, math.ceil(seconds / 60))
