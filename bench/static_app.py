"""The static ceiling: a WSGI app that answers every request with the same bytes, from memory.

``bench.run`` fetches the article page from the real app once and hands its body and headers
over in the files named by ``BENCH_STATIC_BODY`` and ``BENCH_STATIC_HEADERS``. Served by the
same gunicorn set-up as the app, this is as fast as that set-up can deliver that page: the
figure the app's throughput is compared with.
"""

import json
import os

with open(os.environ["BENCH_STATIC_BODY"], "rb") as f:
    BODY = f.read()
with open(os.environ["BENCH_STATIC_HEADERS"]) as f:
    _meta = json.load(f)

STATUS = f"{_meta['status']} OK"
HEADERS = [(k, v) for k, v in _meta["headers"]] + [("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response(STATUS, HEADERS)
    return [BODY]
