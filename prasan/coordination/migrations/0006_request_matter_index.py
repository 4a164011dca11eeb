"""The requests of given matters, read from the index alone when the dashboards take away those of matters
a viewer may not see; (matter, status) is its prefix and gives way."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    """SQLite plans from the statistics ANALYZE leaves; without them a new index is a guess."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE coordination_agencyrequest")


class Migration(migrations.Migration):

    dependencies = [
        ("coordination", "0005_dashboard_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="agencyrequest", name="coordinatio_matter__5629b1_idx"),
        migrations.AddIndex(
            model_name="agencyrequest",
            index=models.Index(fields=["matter", "status", "deadline", "agency", "answered_at"],
                               name="request_matter_idx"),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]
