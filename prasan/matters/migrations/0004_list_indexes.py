"""The matter list's indexes (newest first, alone or by state, or by duty type and urgency, each ending
with secrecy; children by parent), and a check that secrecy is one of its levels, so the head of
office's list needs no condition on it."""

from django.db import migrations, models

from prasan.planner import analyze_sqlite


class Migration(migrations.Migration):

    dependencies = [
        ("matters", "0003_dashboard_indexes"),
    ]

    operations = [
        # First: on SQLite a new check rebuilds the table, and with it every index it already has.
        migrations.AddConstraint(
            model_name="matter",
            constraint=models.CheckConstraint(condition=models.Q(secrecy__gte=0, secrecy__lte=3),
                                              name="matter_secrecy_level"),
        ),
        migrations.RemoveIndex(model_name="matter", name="matters_mat_created_827402_idx"),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["-created_at", "-id", "secrecy"], name="matter_recent_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["state", "-created_at", "-id", "secrecy"], name="matter_state_recent_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["duty_type", "urgency", "-created_at", "-id", "secrecy"],
                               name="matter_duty_recent_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(condition=models.Q(parent__isnull=False), fields=["parent"],
                               name="matter_children_idx"),
        ),
        analyze_sqlite("matters_matter"),
    ]
