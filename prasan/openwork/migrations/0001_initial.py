"""The open-work table (prasan.openwork), filled from the open matters and their assignments.

The fill is its own copy of building.fill's statement as the schema stands here, so later changes to the app cannot
change what this migration does. One INSERT … SELECT that reads the open matters from their state index and their
assignments from the assignments' (matter, user) index: its time follows the open matters, not the assignments of
closed ones.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OPEN_STATES = ["awaiting_agencies", "coordinating", "drafting", "following_up", "in_review", "planning", "received",
               "with_minister"]
URGENCY_RANK = {"most_urgent": 0, "very_urgent": 1, "urgent": 2, "normal": 3}


def fill(apps, schema_editor):
    OpenWork = apps.get_model("openwork", "OpenWork")
    Matter = apps.get_model("matters", "Matter")
    ranks = " ".join("WHEN %s THEN %s" for _ in URGENCY_RANK)
    sql = (f"INSERT INTO {OpenWork._meta.db_table} "  # noqa: S608  (the models' own table names)
           "(person_id, matter_id, state, undated, deadline, urgency, secrecy) "
           "SELECT a.user_id, a.matter_id, m.state, m.internal_deadline IS NULL, m.internal_deadline, "
           f"CASE m.urgency {ranks} END, m.secrecy "
           f"FROM {Matter.assignees.through._meta.db_table} a JOIN {Matter._meta.db_table} m ON m.id = a.matter_id "
           f"WHERE m.state IN ({', '.join(['%s'] * len(OPEN_STATES))})")
    params = [value for pair in URGENCY_RANK.items() for value in pair] + OPEN_STATES
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql, params)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('matters', '0008_matter_source_cabinet'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OpenWork',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(max_length=20)),
                ('undated', models.BooleanField()),
                ('deadline', models.DateField(null=True)),
                ('urgency', models.PositiveSmallIntegerField()),
                ('secrecy', models.PositiveSmallIntegerField()),
                ('matter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='matters.matter')),
                ('person', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'งานที่ยังไม่ปิด',
                'verbose_name_plural': 'งานที่ยังไม่ปิด',
                'indexes': [models.Index(fields=['person', 'undated', 'deadline', 'urgency', '-matter', 'secrecy'], name='open_work_order_idx')],
                'constraints': [models.UniqueConstraint(fields=('person', 'matter'), name='open_work_unique')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
