"""The task that sends a notice, and ``send_notice()``, which queues it."""

import logging

from django_tasks import task

from ..background import enqueue_after_commit
from .delivery import deliver
from .notices import notice_for

logger = logging.getLogger(__name__)

# Urgent notices go before any other task (Wagtail's own run at 0, warming pages below).
URGENT_PRIORITY = 50
PRIORITY = 0


def send_notice(notice, event):
    """Queue ``notice`` about ``event`` (a string naming what happened, unique for its kind:
    "12:posted") to be sent once the current change commits."""
    enqueue_after_commit(task_for(notice), notice.kind, str(event), notice.params)


def task_for(notice, run_after=None):
    return deliver_notice.using(
        priority=URGENT_PRIORITY if notice.urgent else PRIORITY, run_after=run_after
    )


@task(takes_context=True)
def deliver_notice(context, kind, event, params):
    notice = notice_for(kind, params)
    next_try = deliver(notice, event, str(context.task_result.id))
    if next_try is None:
        return
    if not deliver_notice.get_backend().supports_defer:
        logger.error(
            "Mail %s %s cannot be tried again: the task backend runs nothing later "
            "(check wellness.W002)",
            kind,
            event,
        )
        return
    task_for(notice, run_after=next_try).enqueue(kind, event, params)
