from django.apps import AppConfig


class HostBlogConfig(AppConfig):
    name = "tests.host.blog"
    label = "blog"
    default_auto_field = "django.db.models.BigAutoField"
