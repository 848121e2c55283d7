"""What we keep about who posted a comment: a keyed hash of their address, never the address."""

from django.conf import settings
from django.utils.crypto import salted_hmac

# Behind a proxy, point this at the header the proxy sets (e.g. "HTTP_X_REAL_IP").
IP_META_KEY = getattr(settings, "BLOG_CLIENT_IP_META_KEY", "REMOTE_ADDR")


def client_ip(request):
    return request.META.get(IP_META_KEY, "").split(",")[0].strip()


def ip_hash(request):
    ip = client_ip(request)
    if not ip:
        return ""
    return salted_hmac("blog.comments.ip", ip, algorithm="sha256").hexdigest()


def user_agent(request):
    return request.META.get("HTTP_USER_AGENT", "")[:300]
