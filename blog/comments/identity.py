"""Who posted a comment: the client's network address, found the one way docs/security.md
describes, and what we keep of it (a keyed hash, never the address)."""

import ipaddress

from django.utils.crypto import salted_hmac

from blog.core.conf import wellness_settings


def client_ip(request):
    """The address of the client that sent ``request``.

    Each proxy appends the address it was reached from to X-Forwarded-For, so the entries a
    client wrote itself come first and the ones our own proxies wrote come last. The client is
    the right-most address that is not one of our proxies (WELLNESS_TRUSTED_PROXIES): what a
    client puts in X-Forwarded-For (or X-Real-IP, which is never read) cannot move it.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    hops.append(request.META.get("REMOTE_ADDR", ""))
    proxies = wellness_settings.TRUSTED_PROXIES
    if isinstance(proxies, int):
        # The last ``proxies`` hops are our proxies; the one before them is the client.
        return _normalised(hops[max(len(hops) - 1 - proxies, 0)])
    networks = [ipaddress.ip_network(network, strict=False) for network in proxies]
    for hop in reversed(hops):
        if not _within(hop, networks):
            return _normalised(hop)
    return _normalised(hops[0])


def _address(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _within(hop, networks):
    address = _address(hop)
    return address is not None and any(address in network for network in networks)


def _normalised(hop):
    address = _address(hop)
    return str(address) if address is not None else hop


def ip_hash(request):
    ip = client_ip(request)
    if not ip:
        return ""
    return salted_hmac("blog.comments.ip", ip, algorithm="sha256").hexdigest()


def user_agent(request):
    return request.META.get("HTTP_USER_AGENT", "")[:300]
