"""The text index: an FTS5 trigram table kept in step by triggers on SQLite, pg_trgm GIN indexes on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from prasan.search import schema

    schema.create(schema_editor.connection)


def drop(apps, schema_editor):
    from prasan.search import schema

    schema.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
