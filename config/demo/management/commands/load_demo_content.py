import os

from django.conf import settings
from django.core.management.base import BaseCommand

from blog.core import warming

from ...builder import DemoBuilder, demo_password, therapist_usernames


class Command(BaseCommand):
    help = "Create the demo wellness site (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        password = demo_password(os.environ.get("DEMO_ADMIN_PASSWORD"))
        with warming.paused():  # nobody reads the pages while they are being made
            created = DemoBuilder(password).build()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {created} demo objects."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        therapists = ", ".join(therapist_usernames())
        self.stdout.write(
            f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/\n"
            f"  admin user:  admin / {password}\n"
            f"  therapists:  {therapists} (same password)"
        )
