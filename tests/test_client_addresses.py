"""Behind the documented nginx, under the production settings, every reader is told apart by
their own address, and no header a reader sends can change which address that is."""

import pytest
from django.test import Client, RequestFactory, override_settings

from blog.comments.identity import client_ip
from blog.models import ReaderComment

from .comments import comment_data, rules
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


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        # No proxy: the connection's own address, whatever the headers say.
        (0, ALICE, BOB, ALICE),
        # One proxy: the hop before it.
        (1, "10.0.0.2", f"{BOB}, {ALICE}", ALICE),
        # A client that bypasses the proxies (none in front): still its own address.
        (1, ALICE, None, ALICE),
        # Trusted networks: the right-most address not in them.
        (["10.0.0.0/8"], "10.0.0.2", f"{BOB}, {ALICE}, 10.0.0.3", ALICE),
        (["10.0.0.0/8"], ALICE, f"{BOB}", ALICE),  # not from a proxy: headers ignored
        (["127.0.0.1/32", "::1/128"], "::1", "2001:db8::0001", "2001:db8::1"),
    ],
)
def test_the_client_is_the_right_most_address_that_is_not_a_trusted_proxy(
    proxies, remote, forwarded, client
):
    with override_settings(WELLNESS_TRUSTED_PROXIES=proxies):
        assert client_ip(request_from(remote, forwarded)) == client


@pytest.mark.parametrize("proxies", [-1, True, "1", ["10.0.0.0/8", "not a network"], [None]])
def test_a_mistaken_proxy_setting_is_reported_when_the_site_starts(proxies):
    from django.core import checks

    with override_settings(WELLNESS_TRUSTED_PROXIES=proxies):
        errors = [e for e in checks.run_checks() if e.id == "wellness.E001"]
    assert errors


@pytest.mark.parametrize("proxies", [0, 2, ["10.0.0.0/8", "::1"], ()])
def test_a_proxy_setting_in_either_form_passes_the_checks(proxies):
    from django.core import checks

    with override_settings(WELLNESS_TRUSTED_PROXIES=proxies):
        assert not [e for e in checks.run_checks() if e.id == "wellness.E001"]
