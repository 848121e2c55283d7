"""Nothing a moderator depends on is lost: the e-mail about a comment outlives a mail server
that is down, a deploy that restarts everything, a worker killed in the middle of its work,
and two workers taking the queue at once, and reaches each moderator once, urgent first.

Real parts throughout: gunicorn with the production settings, PostgreSQL and Redis, the
task workers (``manage.py wellness_worker``) as processes, and an SMTP server on loopback
(tests/smtp_sink.py). The workers run on their own time, so the tests wait for what they
expect to arrive (never for a fixed time) and then check that nothing more is left to come.
"""

import itertools
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.moderation.moderators import moderators
from blog.core.models import MailDelivery
from blog.core.permissions import MODERATORS
from blog.models import ArticlePage

from ..smtp_sink import SilentServer
from .browser import Browser
from .conftest import WORKERS

pytestmark = pytest.mark.scaleout
_readers = itertools.count(1)


@pytest.fixture
def article(servers_database):
    """An article on a site that takes every comment to moderation: no rate limits, no
    confirmation asked (both restored afterwards)."""
    rules = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    fields = ["rate_limit_per_ip", "rate_limit_per_email", "require_confirmation"]
    before = {name: getattr(rules, name) for name in fields}
    rules.rate_limit_per_ip = rules.rate_limit_per_email = 0
    rules.require_confirmation = False
    rules.save()  # also drops the copy the servers keep in the shared Redis
    yield ArticlePage.objects.live().order_by("pk").first()
    for name, value in before.items():
        setattr(rules, name, value)
    rules.save()


@pytest.fixture
def moderator_addresses(servers_database):
    """A second moderator beside the demo's admin; every moderator's address."""
    user = get_user_model().objects.create_user(
        f"moderator-{uuid.uuid4().hex[:8]}", f"mod-{uuid.uuid4().hex[:8]}@example.com", "pw"
    )
    user.groups.add(Group.objects.get(name=MODERATORS))
    yield sorted(email for _pk, email in moderators())
    user.delete()


def post(server, article, body):
    reader = Browser()
    url = f"{server}/comments/{article.pk}/"
    tokens = reader.get(f"{url}form-tokens/", timeout=30).json()
    n = next(_readers)
    form = {"name": f"Reader {n}", "email": f"reader{n}@example.com", "body": body, "parent": ""}
    response = reader.post_form(url, {**form, **tokens})
    assert response.status_code == 303, response.text[:500]
    return ReaderComment.objects.get(body=body)


def settled(comments, timeout=60):
    """Wait until every delivery about ``comments`` is recorded as sent or given up."""
    events = MailDelivery.objects.filter(event__in=[f"{c.pk}:posted" for c in comments])
    deadline = time.monotonic() + timeout
    while events.filter(status__in=["pending", "sending"]).exists() or not events.exists():
        assert time.monotonic() < deadline, "deliveries still pending"
        time.sleep(0.1)


def wait_until(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.1)


def test_urgent_mail_outlives_a_mail_outage_and_a_deploy(
    site, workers, smtp, article, moderator_addresses
):
    one, _two = site.urls
    for worker in workers:
        worker.start()
    marker = uuid.uuid4().hex
    comment = post(one, article, f"Some days I want to die. {marker}")
    assert comment.urgent
    deliveries = MailDelivery.objects.filter(event=f"{comment.pk}:posted")
    wait_until(lambda: deliveries.filter(tries__gte=1).count() == len(moderator_addresses))
    assert not smtp.received(marker)

    # A deploy: the app servers and the workers stop and start again.
    for process in [*site.servers, *workers]:
        process.stop()
    for process in [*site.servers, *workers]:
        process.start().wait_ready()

    smtp.start()
    back_up = time.monotonic()
    smtp.wait_for(lambda: len(smtp.received(marker)) >= len(moderator_addresses), timeout=60)
    assert time.monotonic() - back_up < 60
    settled([comment])
    received = smtp.received(marker)
    assert sorted(address for message in received for address in message.to) == (
        moderator_addresses
    )
    assert all(message.subject.startswith("Urgent: ") for message in received)


def test_a_worker_killed_mid_task_leaves_nothing_unsent_and_nothing_sent_twice(
    site, workers, smtp, article, moderator_addresses
):
    one, two = site.urls
    markers = [uuid.uuid4().hex for _ in range(4)]
    comments = [
        post(server, article, f"Does this help with sciatica? {marker}")
        for server, marker in zip(itertools.cycle([one, two]), markers, strict=False)
    ]
    silent = SilentServer(site.smtp_port).start()
    worker = workers[0]
    worker.start()
    assert silent.connected.wait(timeout=60)  # it waits for the mail server's greeting...
    worker.kill()  # ...when it is killed
    silent.stop()
    smtp.start()
    worker.start()  # the same worker, started again: it takes back the task it left
    for marker in markers:
        smtp.wait_for(lambda m=marker: len(smtp.received(m)) >= len(moderator_addresses))
    settled(comments)
    for marker in markers:
        received = smtp.received(marker)
        assert sorted(to for message in received for to in message.to) == moderator_addresses


def test_a_burst_reaches_each_moderator_once_urgent_first(
    site, workers, smtp, article, moderator_addresses
):
    one, two = site.urls
    marker = uuid.uuid4().hex
    urgent = set(range(0, 200, 10))  # 20 of 200 speak of self-harm
    comments = [
        post(
            server,
            article,
            f"Comment {n}: {'I have thought about suicide' if n in urgent else 'It helped'}. "
            f"{marker}",
        )
        for n, server in zip(range(200), itertools.cycle([one, two]), strict=False)
    ]
    assert sum(comment.urgent for comment in comments) == len(urgent)
    smtp.start()
    for worker in workers:  # both take the queue at once
        worker.start()
    total = len(comments) * len(moderator_addresses)
    smtp.wait_for(lambda: len(smtp.received(marker)) >= total, timeout=180)
    settled(comments, timeout=120)
    received = smtp.received(marker)
    assert len(received) == total
    for address in moderator_addresses:
        theirs = [message for message in received if message.to == [address]]
        bodies = [message.body for message in theirs]
        assert sorted(bodies) == sorted(set(bodies)) and len(bodies) == len(comments)
        urgent_at = [i for i, message in enumerate(theirs) if message.subject.startswith("Urgent")]
        assert len(urgent_at) == len(urgent)
        # Every urgent one before any other, but for what the other workers had already
        # taken when the last urgent one was taken.
        assert max(urgent_at) < len(urgent) + WORKERS - 1


def test_a_refused_address_fails_alone_and_shows_in_the_report(
    site, workers, smtp, article, moderator_addresses
):
    one, two = site.urls
    refused, *others = moderator_addresses[::-1]
    smtp.refused.add(refused)
    smtp.start()
    workers[0].start()
    marker = uuid.uuid4().hex
    comment = post(one, article, f"Thank you for this. {marker}")
    smtp.wait_for(lambda: len(smtp.received(marker)) >= len(others))
    settled([comment])
    assert sorted(to for message in smtp.received(marker) for to in message.to) == sorted(others)

    admin = Browser()
    admin.log_in(two, "admin", site.password)
    report = admin.get(f"{two}/admin/reports/mail-not-delivered/", timeout=30).text
    assert refused in report and "550 5.1.1 No such mailbox" in report
