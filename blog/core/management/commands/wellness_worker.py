"""``manage.py wellness_worker``: django-tasks-db's ``db_worker``, which first puts back the
tasks a killed worker left running (blog.core.background.requeue_abandoned).

Give each worker a ``--worker-id`` of its own that it keeps across restarts (systemd's
``%H-%i``; docs/operations.md): a worker started again then takes back its own tasks at
once, rather than after ``ABANDONED_AFTER``.
"""

from django_tasks_db.management.commands import db_worker

from blog.core.background import requeue_abandoned


class Command(db_worker.Command):
    help = (
        "Run the database task worker, first putting back the tasks that a stopped worker "
        "left running."
    )

    def handle(self, *, backend_name, worker_id, **options):
        requeue_abandoned(backend_name, worker_id)
        super().handle(backend_name=backend_name, worker_id=worker_id, **options)
