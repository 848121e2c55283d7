"""The core's addition to the Wagtail admin: the permission to publish without review, in
the group editor."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from .permissions import PUBLISH_WITHOUT_REVIEW


@hooks.register("register_permissions")
def register_publish_without_review_permission():
    app_label, codename = PUBLISH_WITHOUT_REVIEW.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
