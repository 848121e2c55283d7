"""System checks for the plugin's settings (``manage.py check``), so a mistake shows when the
site starts rather than as an error on a reader's first comment."""

import ipaddress

from django.conf import settings
from django.core.checks import Error, Warning, register

from .conf import wellness_settings


@register()
def check_trusted_proxies(app_configs, **kwargs):
    proxies = wellness_settings.TRUSTED_PROXIES
    if isinstance(proxies, int) and not isinstance(proxies, bool) and proxies >= 0:
        return []
    hint = 'A number of proxies (e.g. 1), or a list of networks (e.g. ["10.0.0.0/8"]).'
    if not isinstance(proxies, list | tuple):
        return [
            Error(
                "WELLNESS_TRUSTED_PROXIES must be a count or networks.",
                hint=hint,
                id="wellness.E001",
            )
        ]
    errors = []
    for network in proxies:
        try:
            ipaddress.ip_network(network, strict=False)
        except (TypeError, ValueError):
            errors.append(
                Error(
                    f"WELLNESS_TRUSTED_PROXIES: {network!r} is not a network.",
                    hint=hint,
                    id="wellness.E001",
                )
            )
    return errors


@register()
def check_markdown_editor_stays_offline(app_configs, **kwargs):
    """wagtail-markdown's editor fetches Font Awesome from a CDN unless told not to; the
    plugin draws the toolbar's glyphs itself (blog/static/wellness/admin)."""
    if getattr(settings, "WAGTAILMARKDOWN", {}).get("autodownload_fontawesome") is False:
        return []
    return [
        Warning(
            "The Markdown editor fetches Font Awesome from a CDN.",
            hint='Set WAGTAILMARKDOWN = {"autodownload_fontawesome": False}.',
            id="wellness.W001",
        )
    ]
