"""Work that runs outside the request, on Django's task framework (the django-tasks backport,
on which Wagtail 8 runs its own background work; ``django.tasks`` from Django 6).

``enqueue_after_commit()`` is how the plugin queues every task: e-mail (blog.core.outbox),
warming pages (blog.core.warming). ``requeue_abandoned()`` puts back the tasks a killed
database worker left marked as running (``manage.py wellness_worker`` calls it as it starts).
"""

import datetime
import logging
from functools import partial

from django.db import DEFAULT_DB_ALIAS, router, transaction
from django.utils import timezone

try:
    from django_tasks_db import DatabaseBackend
except ImportError:  # the site runs its tasks on another backend
    DatabaseBackend = None

logger = logging.getLogger(__name__)

# A task still marked as running this long after it started was left by a worker that died
# (the plugin's tasks take seconds: an SMTP conversation, a few pages rendered).
ABANDONED_AFTER = datetime.timedelta(minutes=15)


def enqueue_after_commit(task, *args, **kwargs):
    """Queue ``task(*args, **kwargs)`` to run only if the current change commits.

    The database backend's queue is a table of the site's own database: the task is written
    inside the transaction, so that it commits with the change or not at all, and no crash
    between the two can lose it. Any other backend is handed the task once the transaction
    commits, so that a worker never looks for rows not committed yet.
    """
    if writes_with_the_change(task):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(partial(task.enqueue, *args, **kwargs))


def writes_with_the_change(task):
    """Whether ``task`` is queued in a table of the database that changes are written to."""
    if DatabaseBackend is None or not isinstance(task.get_backend(), DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult

    return router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS


def requeue_abandoned(backend_name, worker_id, now=None):
    """Make the tasks that a killed database worker left running ready to run again: those
    the worker ``worker_id`` had (it is starting again, so nothing of its own still runs),
    and anyone's older than ``ABANDONED_AFTER``. Returns how many.

    django-tasks-db leaves a task whose worker was killed marked as running for ever
    (django-tasks-db issue 5). The plugin's tasks may run again: each e-mail records its
    delivery and is sent once (blog.core.outbox), warming a page twice does no harm.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    now = now or timezone.now()
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    with exclusive_transaction(running.db):
        abandoned = [
            result.pk
            for result in running.select_for_update().only("pk", "worker_ids", "started_at")
            if result.worker_ids[-1:] == [worker_id]
            or (result.started_at and result.started_at < now - ABANDONED_AFTER)
        ]
        count = DBTaskResult.objects.filter(pk__in=abandoned).update(status=TaskResultStatus.READY)
    if count:
        logger.warning("Put back %d task(s) that a stopped worker left running", count)
    return count
