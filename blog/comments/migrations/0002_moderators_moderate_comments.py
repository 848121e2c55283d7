"""Give Wagtail's "Moderators" group the comment moderation permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_CODENAMES = [
    "view_readercomment",
    "change_readercomment",
    "delete_readercomment",
    "moderate_readercomment",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wellness_comments")
    app_config.models_module = True  # the migration state's app stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wellness_comments", codename__in=MODERATOR_CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="wellness_comments", codename__in=MODERATOR_CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("wellness_comments", "0001_initial")]

    operations = [migrations.RunPython(grant, revoke)]
