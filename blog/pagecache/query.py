"""Which query strings a page's cached copy is stored under.

Every distinct query string would otherwise be an entry of its own: a hundred links with
different ``?utm_source=`` would make a hundred copies of one article. So tracking parameters
never take part in the key, and a copy is stored only when the rest of the query is exactly
what the page understood and used: each parameter a page reads it declares with
``blog.core.query.use()``, as the value it took it for (``?page=02`` is page 2,
``?tag=nothing`` matches no tag). Anything else is answered, but not stored.
"""

import re
from urllib.parse import parse_qsl, urlencode

from blog.core.query import used

# Parameters that analytics and ad platforms add to links; pages never read them.
TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid"
    r"|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|srsltid|ref_src)$",
    re.IGNORECASE,
)


def parameters(query_string):
    """The query's (name, value) pairs, tracking parameters left out, in a fixed order."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return sorted((name, value) for name, value in pairs if not TRACKING.match(name))


def normalised(query_string):
    """The query string a cached copy is keyed by: ``?b=2&a=1&utm_source=x`` is ``a=1&b=2``."""
    return urlencode(parameters(query_string))


def is_canonical(request):
    """Whether the query holds only what the page used, each as the page understood it.
    Tracking parameters count here: pagination links repeat the query they were built for,
    so a page built for a tracking link is that reader's alone (hits still serve them)."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return sorted(pairs) == sorted(used(request).items())
