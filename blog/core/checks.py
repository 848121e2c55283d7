"""System checks for the plugin's settings (``manage.py check``), so a mistake shows when the
site starts rather than as an error on a reader's first comment."""

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django_tasks import task_backends

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


@register(Tags.security, deploy=True)
def check_tasks_run_in_a_worker(app_configs, **kwargs):
    """E-mail to moderators and readers is sent by tasks (blog.core.outbox), which must run
    in a worker that can try them again later, not inside the request."""
    backend = task_backends["default"]
    if backend.supports_defer:
        return []
    return [
        Warning(
            f"Tasks run on {type(backend).__name__}, which cannot run a task later: e-mail "
            "would be sent inside the web process and never tried again if it fails.",
            hint="Set TASKS to django_tasks_db.DatabaseBackend and run manage.py "
            "wellness_worker beside the web server (docs/operations.md).",
            id="wellness.W002",
        )
    ]


@register(Tags.security, deploy=True)
def check_email_timeout(app_configs, **kwargs):
    """Django waits for an SMTP server for ever unless told otherwise: one that stops
    answering would hold the worker, and every notice behind it."""
    if settings.EMAIL_TIMEOUT is not None or not settings.EMAIL_BACKEND.endswith(
        "smtp.EmailBackend"
    ):
        return []
    return [
        Warning(
            "EMAIL_TIMEOUT is not set: a mail server that stops answering would hold the "
            "task worker, and every notice behind it, for ever.",
            hint="Set EMAIL_TIMEOUT (seconds), e.g. 30.",
            id="wellness.W003",
        )
    ]
