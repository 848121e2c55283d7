"""System checks for searching (``manage.py check``)."""

from django.core.checks import Warning, register
from modelsearch.conf import get_app_config

# Wagtail's database backend, however its setting names it (module, or a class inside it).
STOCK_DATABASE_BACKENDS = ("wagtail.search.backends.database", "modelsearch.backends.database")


@register()
def check_search_backend_answers_long_queries(app_configs, **kwargs):
    """Wagtail's own database backend fails with a RecursionError, a 500, on a query of a few
    hundred words, which scanners send; the plugin's backend answers it (blog.discovery.backend)."""
    backend = get_app_config().get_search_backend_config()["default"]["BACKEND"]
    if not backend.startswith(STOCK_DATABASE_BACKENDS):
        return []
    return [
        Warning(
            "Wagtail's database search backend fails with an error on queries of a few "
            "hundred words.",
            hint='Set WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "blog.discovery.backend"}}.',
            id="wellness_discovery.W001",
        )
    ]
