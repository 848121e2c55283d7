"""The outbox (blog.core.outbox): each notice reaches each recipient once, failed sends are
tried again with backoff for a day, urgent ones first and sooner, and what cannot be
delivered is kept for the admins' report. The mail server is the test's (tests/mail_backends.py);
time moves only when the test moves it."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from blog.core.background import requeue_abandoned
from blog.core.outbox import retries
from blog.core.outbox.delivery import deliver
from blog.core.outbox.models import MailDelivery
from blog.core.outbox.notices import Notice, Recipient, register
from blog.core.outbox.tasks import URGENT_PRIORITY, send_notice

from ...concurrency import at_once
from ...mail_backends import WorkerStopped

Status = MailDelivery.Status
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@register
class Greeting(Notice):
    """A notice for these tests: ``params["to"]`` are told ``params["text"]``."""

    kind = "test-greeting"
    description = "A greeting"

    def recipients(self):
        return [Recipient(address) for address in self.params["to"]]

    def message(self, recipient):
        return self.email(f"Hello\n{recipient.address}", "tests/greeting.txt", {}, recipient)


@register
class UrgentGreeting(Greeting):
    kind = "test-urgent-greeting"
    urgent = True


@pytest.fixture
def clock(monkeypatch):
    """The time, moved only by the test: ``clock.advance(seconds=...)``."""

    class Clock:
        now = timezone.now()

        def advance(self, **delta):
            self.now += datetime.timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


def greet(*addresses, urgent=False, event="1"):
    notice = (UrgentGreeting if urgent else Greeting)(to=list(addresses))
    return notice, event


def recipients_of_outbox():
    return sorted(address for message in mail.outbox for address in message.to)


def test_each_recipient_is_sent_the_notice_once_however_often_the_task_runs(db, mail_server):
    notice, event = greet("a@example.com", "b@example.com")
    for _ in range(3):
        assert deliver(notice, event, "task-1") is None
    assert recipients_of_outbox() == ["a@example.com", "b@example.com"]
    assert mail.outbox[0].subject == "Hello a@example.com"  # on one line, whatever it was given
    # Once sent, only a keyed digest of the address is kept.
    assert set(MailDelivery.objects.values_list("status", "address")) == {(Status.SENT, "")}


def test_the_same_notice_about_another_event_is_sent_again(db, mail_server):
    deliver(*greet("a@example.com", event="1"), "task-1")
    deliver(*greet("A@Example.com", event="1"), "task-2")  # the same address in another case
    deliver(*greet("a@example.com", event="2"), "task-3")
    assert recipients_of_outbox() == ["a@example.com", "a@example.com"]


def test_a_refused_recipient_fails_alone_and_at_once(db, mail_server):
    mail_server.refuse("gone@example.com")
    notice, event = greet("a@example.com", "gone@example.com", "c@example.com")
    assert deliver(notice, event, "task-1") is None  # nothing to try again
    assert recipients_of_outbox() == ["a@example.com", "c@example.com"]
    refused = MailDelivery.objects.get(status=Status.FAILED)
    assert refused.address == "gone@example.com"
    assert refused.last_error == "550 5.1.1 No such mailbox"
    assert list(MailDelivery.objects.undelivered()) == [refused]


@pytest.mark.parametrize(
    "urgent, first_delays, longest",
    [
        (True, [5, 10, 20, 40, 60, 60], 60),
        (False, [60, 120, 240, 480, 960, 1920, 3840, 7200], 7200),
    ],
)
def test_a_server_that_is_down_is_tried_again_with_backoff_for_a_day(
    db, mail_server, clock, urgent, first_delays, longest
):
    mail_server.down()
    notice, event = greet("a@example.com", urgent=urgent)
    started = clock.now
    delays = []
    while (next_try := deliver(notice, event, "task-1")) is not None:
        delays.append(round((next_try - clock.now).total_seconds()))
        clock.now = next_try
    assert delays[: len(first_delays)] == first_delays
    assert set(delays[len(first_delays) :]) == {longest}
    row = MailDelivery.objects.get()
    assert row.status == Status.FAILED and row.tries == len(delays) + 1
    # The last try is a day or more after the first, and no more than one interval later.
    assert (
        retries.RETRY_FOR
        <= clock.now - started
        < retries.RETRY_FOR + longest * datetime.timedelta(seconds=1)
    )
    assert "Connection refused" in row.last_error and row.address == "a@example.com"


def test_a_server_back_up_gets_the_notice_on_the_next_try(db, mail_server, clock):
    mail_server.down()
    notice, event = greet("a@example.com", urgent=True)
    next_try = deliver(notice, event, "task-1")
    assert mail.outbox == []
    assert deliver(notice, event, "task-2") == next_try  # not yet due: nothing is tried
    mail_server.up()
    clock.now = next_try
    assert deliver(notice, event, "task-3") is None
    assert recipients_of_outbox() == ["a@example.com"]
    assert MailDelivery.objects.get().tries == 2


def test_a_message_interrupted_after_sending_is_never_sent_again_by_itself(db, mail_server):
    """The worker was killed between the server's acceptance and the record of it: the same
    task started again cannot know whether it arrived, so it is reported, not sent twice."""
    mail_server.stop_after_sending = True
    notice, event = greet("a@example.com")
    with pytest.raises(WorkerStopped):
        deliver(notice, event, "task-1")
    mail_server.stop_after_sending = False
    assert deliver(notice, event, "task-1") is None  # the task, put back after the restart
    assert recipients_of_outbox() == ["a@example.com"]
    row = MailDelivery.objects.get()
    assert row.status == Status.INTERRUPTED
    assert list(MailDelivery.objects.undelivered()) == [row]


def test_a_worker_killed_before_the_server_answered_leaves_the_notice_to_send(db, mail_server):
    mail_server.down()  # the worker is stopped while connecting: nothing was claimed
    notice, event = greet("a@example.com")
    deliver(notice, event, "task-1")
    mail_server.up()
    MailDelivery.objects.update(next_try_at=timezone.now())
    deliver(notice, event, "task-1")
    assert recipients_of_outbox() == ["a@example.com"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_same_notice_send_it_once(mail_server):
    """One worker holds its message at the server; the other, meanwhile, finds it claimed."""
    notice, event = greet("a@example.com")
    mail_server.hold = threading.Event()
    first = threading.Thread(target=deliver, args=(notice, event, "task-1"))
    first.start()
    try:
        assert mail_server.holding.wait(timeout=30)
        at_once(lambda _i: deliver(notice, event, "task-2"), count=1)
    finally:
        mail_server.hold.set()
        first.join(timeout=30)
    assert recipients_of_outbox() == ["a@example.com"]


def test_a_notice_is_queued_with_its_change_and_urgent_ones_first(db, settings):
    settings.TASKS = DATABASE_TASKS
    with transaction.atomic():
        send_notice(*greet("a@example.com", event="1"))
        send_notice(*greet("b@example.com", urgent=True, event="2"))
        assert DBTaskResult.objects.count() == 2  # written with the change, not after it
    with pytest.raises(RuntimeError), transaction.atomic():
        send_notice(*greet("c@example.com", event="3"))
        raise RuntimeError("the change is rolled back")
    queued = list(DBTaskResult.objects.ready())  # in the order a worker takes them
    assert [task.args_kwargs["args"][1] for task in queued] == ["2", "1"]
    assert queued[0].priority == URGENT_PRIORITY


def run_worker(worker_id="worker-1"):
    call_command(
        "wellness_worker", "--batch", "--no-startup-delay", "--worker-id", worker_id, verbosity=0
    )


@pytest.mark.django_db(transaction=True)  # the worker commits, as it does in production
def test_the_worker_tries_a_failed_notice_again_when_it_is_due(settings, mail_server, clock):
    settings.TASKS = DATABASE_TASKS
    mail_server.down()
    send_notice(*greet("a@example.com", urgent=True))
    run_worker()
    assert mail.outbox == []
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after == clock.now + datetime.timedelta(seconds=5)
    assert retry.priority == URGENT_PRIORITY
    mail_server.up()
    run_worker()  # not yet due
    assert mail.outbox == []
    clock.advance(seconds=5)
    run_worker()
    assert recipients_of_outbox() == ["a@example.com"]


@pytest.mark.django_db(transaction=True)
def test_a_worker_started_again_takes_back_what_it_left_running(settings, mail_server, clock):
    settings.TASKS = DATABASE_TASKS
    send_notice(*greet("a@example.com"))
    task = DBTaskResult.objects.get()
    task.claim("worker-1")  # then the worker was killed
    elsewhere = DBTaskResult.objects.create(
        args_kwargs=task.args_kwargs,
        task_path=task.task_path,
        backend_name="default",
        run_after=task.run_after,
        status="RUNNING",
        worker_ids=["worker-2"],
        started_at=clock.now,
    )
    run_worker("worker-3")  # another worker leaves them: they may still be running
    assert mail.outbox == []
    run_worker("worker-1")
    assert recipients_of_outbox() == ["a@example.com"]
    elsewhere.refresh_from_db()
    assert elsewhere.status == "RUNNING"
    clock.advance(minutes=16)  # by now a task anyone left running was abandoned
    assert requeue_abandoned("default", "worker-3") == 1
