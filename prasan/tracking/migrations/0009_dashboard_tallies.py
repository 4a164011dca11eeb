"""The dashboards' counters (tracking.tallies), filled from the matters already there."""

from django.db import migrations, models


def backfill(apps, schema_editor):
    from prasan.tracking import tallies

    tallies.rebuild(apps.get_model("matters", "Matter"), apps.get_model("tracking", "Tally"))


class Migration(migrations.Migration):

    dependencies = [
        ('tracking', '0008_policy_report_target'),
        ('matters', '0008_matter_source_cabinet'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=10)),
                ('day', models.DateField()),
                ('unit_id', models.IntegerField()),
                ('secrecy', models.SmallIntegerField()),
                ('state', models.CharField(max_length=20)),
                ('duty_type', models.CharField(max_length=30)),
                ('urgency', models.CharField(max_length=20)),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'verbose_name': 'ตัวนับของภาพรวม',
                'verbose_name_plural': 'ตัวนับของภาพรวม',
                'constraints': [models.UniqueConstraint(fields=('kind', 'day', 'unit_id', 'secrecy', 'state', 'duty_type', 'urgency'), name='tally_cell_unique')],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
