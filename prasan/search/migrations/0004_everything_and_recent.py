"""PostgreSQL: one trigram index over title and body together in place of the body's own, and both text indexes
again over the newest rows (schema.py says why)."""

from django.db import migrations


def upgrade(apps, schema_editor):
    from prasan.search import schema

    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for name in schema.PG_RETIRED:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608  (a constant name)
        schema.create(connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_grants")]

    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
