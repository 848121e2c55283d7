"""Comment text as readers see it: escaped, in paragraphs, with safe links."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

# Links readers post are user-generated content: search engines should neither follow
# them nor credit them (https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links).
REL = ' rel="nofollow ugc"'


def comment_html(body):
    # urlize escapes every character of the text itself, so the only rel="nofollow" left
    # unescaped is the attribute it generated.
    linked = urlize(body, trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace(' rel="nofollow"', REL)
    return mark_safe(linebreaks(linked))  # noqa: S308 (escaped by urlize above)
