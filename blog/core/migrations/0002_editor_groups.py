"""Create the "Therapists" group and give "Moderators" (Wagtail's own group) the right to
publish wellness pages without review. Page permissions on the sections are granted when a
section is created (blog.core.signal_handlers)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

THERAPIST_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
]
THERAPIST_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these ones are needed now.
    for app_label in ("wagtailadmin", "wagtailimages", "wellness_core"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # the migration state's app stub lacks it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    therapists, _ = Group.objects.get_or_create(name="Therapists")
    for app_label, model, codename in THERAPIST_PERMISSIONS:
        therapists.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=THERAPIST_IMAGE_PERMISSIONS
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=therapists, collection=root_collection, permission=permission
            )

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        Permission.objects.get(
            content_type__app_label="wellness_core", codename="publish_without_review"
        )
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Therapists").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wellness_core", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
