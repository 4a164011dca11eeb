"""Indexes the dashboards count from without reading the table. Two give way to wider ones that begin
with the same columns and serve every query they served: (owner_unit, state) to (owner_unit, state,
closed_at), (secrecy) to the secret matters' profile. Those that give ids end with id: PostgreSQL's
indexes hold none of their own (SQLite's hold the row id anyway).

The assignments get (user, matter), written as SQL because Django makes their table itself: PostgreSQL
finds a user's matters (my work, the list by assignee) from that index alone."""

from django.db import migrations, models

from prasan.planner import analyze_sqlite


class Migration(migrations.Migration):

    dependencies = [
        ("matters", "0002_matter_matters_mat_state_a745e9_idx"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="matter", name="matters_mat_owner_u_471964_idx"),
        migrations.RemoveIndex(model_name="matter", name="matters_mat_secrecy_388d27_idx"),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["state", "owner_unit", "duty_type", "urgency", "internal_deadline",
                                       "created_at", "secrecy", "id"],
                               name="matter_open_profile_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["owner_unit", "created_at", "id"], name="matter_unit_intake_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["owner_unit", "state", "closed_at"], name="matter_unit_closed_idx"),
        ),
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(fields=["secrecy", "state", "owner_unit", "duty_type", "urgency", "internal_deadline",
                                       "created_at", "closed_at", "id"], name="matter_secret_profile_idx"),
        ),
        migrations.RunSQL(
            "CREATE INDEX matter_assignee_user_idx ON matters_matter_assignees (user_id, matter_id)",
            "DROP INDEX matter_assignee_user_idx",
        ),
        analyze_sqlite("matters_matter", "matters_matter_assignees"),
    ]
