"""Nothing the plugin's tests run reaches past this machine: any connection to a host other
than the loopback interface fails at once."""

import socket

import pytest

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    real = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):
        if host not in LOOPBACK and not (isinstance(host, bytes) and host.decode() in LOOPBACK):
            raise OSError(f"tests may not reach {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
