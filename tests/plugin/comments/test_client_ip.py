"""Which address a request comes from: the right-most one that is not a trusted proxy, as
WELLNESS_TRUSTED_PROXIES says (tests/site/test_client_addresses.py tries it behind the
documented proxy, under the production settings)."""

import pytest
from django.test import RequestFactory, override_settings

from blog.comments.identity import client_ip

ALICE, BOB = "203.0.113.10", "198.51.100.20"


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
