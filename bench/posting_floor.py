"""The posting floor: what Django itself takes to store a reader's comment, on the same
gunicorn, database, cache and middleware as the app's posting figure.

Served with ``DJANGO_SETTINGS_MODULE=bench.posting_floor``: the benchmark's settings, with
``bench.posting_floor_urls`` as the URLconf. ``GET /<page id>/`` hands out a form as the
article does to the readers of ``bench.load``; posting it checks the CSRF token (the site's
middleware), stores the same row with one INSERT and remembers it in the reader's session as
the app does, and nothing else: no site rules, no duplicate or rate checks, no e-mail. The
app's posting rate is reported as a share of this one, measured in the same run, as its page
throughput is of the static ceiling.
"""

from bench.settings import *  # noqa: F403

# Its own module: the URLconf includes the admin's (the site's middleware looks its address
# up), which cannot be imported while the settings are read.
ROOT_URLCONF = "bench.posting_floor_urls"
