"""Behind the documented nginx, under the production settings, every reader is told apart by
their own address, and no header a reader sends can change which address that is."""

import pytest
from django.test import Client

from blog.comments.models import ReaderComment

from ..comments import comment_data, rules
from .production import DocumentedNginx, production

NGINX = DocumentedNginx()
ALICE, BOB = "203.0.113.10", "198.51.100.20"


@pytest.fixture
def deployed(article):
    with production():
        rules(rate_limit_per_ip=2, rate_limit_per_email=0)
        yield article


def send(article, client_ip, sent=None, **fields):
    """A comment from ``client_ip``, through the documented nginx."""
    data = comment_data(article, email=f"{client_ip}@example.com", **fields)
    response = Client().post(f"/comments/{article.pk}/", data, **NGINX.meta(client_ip, sent))
    assert response.status_code in (303, 429), response.status_code
    return response.status_code


def test_two_readers_behind_the_proxy_get_separate_limits(deployed):
    assert [send(deployed, ALICE, body=f"Alice {n}") for n in range(3)] == [303, 303, 429]
    assert send(deployed, BOB, body="Bob's first") == 303


@pytest.mark.parametrize(
    "forged",
    [
        {"X-Forwarded-For": BOB},
        {"X-Forwarded-For": f"{BOB}, 10.0.0.1"},
        {"X-Forwarded-For": "127.0.0.1"},
        {"X-Forwarded-For": "not-an-address"},
        {"X-Real-IP": BOB},
        {"X-Real-IP": BOB, "X-Forwarded-For": BOB},
    ],
)
def test_a_reader_cannot_leave_their_limit_by_sending_forwarding_headers(deployed, forged):
    send(deployed, ALICE, body="Alice 1")
    send(deployed, ALICE, body="Alice 2")
    assert send(deployed, ALICE, forged, body="Alice in disguise") == 429
    assert send(deployed, BOB, body="Bob is not blamed") == 303


def test_the_duplicate_check_does_not_mistake_one_reader_for_another(deployed):
    assert send(deployed, ALICE, body="Thank you!") == 303
    assert send(deployed, BOB, body="Thank you!") == 303
    assert ReaderComment.objects.filter(body="Thank you!").count() == 2
    assert len(set(ReaderComment.objects.values_list("ip_hash", flat=True))) == 2
