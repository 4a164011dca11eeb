"""The late-request index the dashboards read alone; (status, deadline) is its prefix and gives way."""

from django.db import migrations, models

from prasan.planner import analyze_sqlite


class Migration(migrations.Migration):

    dependencies = [
        ("coordination", "0004_agencyrequest_coordinatio_status_ac654d_idx"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="agencyrequest", name="coordinatio_status_a1a867_idx"),
        migrations.AddIndex(
            model_name="agencyrequest",
            index=models.Index(fields=["status", "deadline", "agency", "matter", "answered_at"], name="request_late_idx"),
        ),
        analyze_sqlite("coordination_agencyrequest"),
    ]
