from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's own content loader; not part of the installable plugin."""

    name = "config.demo"
    label = "demo"
    verbose_name = "Demo site"
