"""The requests of given matters, read from the index alone when the dashboards take away those of matters
a viewer may not see; (matter, status) is its prefix and gives way."""

from django.db import migrations, models

from prasan.planner import analyze_sqlite


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
        analyze_sqlite("coordination_agencyrequest"),
    ]
