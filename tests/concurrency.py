"""Run one action in many threads at once, as a multi-process or multi-threaded server would run
simultaneous requests. Each thread has its own database connection; a test using this needs
``@pytest.mark.django_db(transaction=True)`` so that the threads see each other's commits."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections

THREADS = 16


def at_once(action, count=THREADS, timeout=120):
    """Call ``action(i)`` for i in range(count), all threads released together by a barrier.

    Returns the results in order; the first exception raised in a thread is raised here.
    """
    barrier = threading.Barrier(count, timeout=timeout)

    def run(i):
        try:
            barrier.wait()
            return action(i)
        finally:
            # Close this thread's connections: an open one would keep the test database from
            # being flushed or dropped.
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count), timeout=timeout))
