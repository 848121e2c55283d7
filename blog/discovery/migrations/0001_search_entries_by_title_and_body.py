"""An index for the full-text search's own condition on PostgreSQL.

Wagtail's database backend finds a query's pages with ``(title || body) @@ query`` on its
index entries, and its migrations index ``title`` and ``body`` apart: no index serves the
two together, so every search reads every entry (400 ms at 100,000 articles, whatever the
query finds). This one does. Other databases search their own way: nothing to do there.
"""

from django.db import migrations

INDEX = "wellness_search_title_body"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0006_customise_indexentry")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
