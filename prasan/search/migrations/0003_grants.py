"""Need to know of secret matters kept beside the index (grants.py), filled from the matters there are."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Matter = apps.get_model("matters", "Matter")
    MatterShare = apps.get_model("matters", "MatterShare")
    SearchGrant = apps.get_model("search", "SearchGrant")
    secret = dict(Matter.objects.filter(secrecy__gt=0).values_list("pk", "owner_unit_id"))
    rows = [SearchGrant(matter_id=pk, unit_id=unit) for pk, unit in secret.items() if unit]
    for model in (Matter.assignees.through, MatterShare):
        rows += [SearchGrant(matter_id=matter, user_id=user) for matter, user in
                 model.objects.filter(matter__secrecy__gt=0).values_list("matter_id", "user_id").iterator()]
    SearchGrant.objects.bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_text_index"),
        ("matters", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchGrant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("matter_id", models.BigIntegerField()),
                ("user_id", models.BigIntegerField(blank=True, null=True)),
                ("unit_id", models.BigIntegerField(blank=True, null=True)),
            ],
            options={
                "indexes": [models.Index(fields=["user_id"], name="search_grant_user"),
                            models.Index(fields=["unit_id"], name="search_grant_unit"),
                            models.Index(fields=["matter_id"], name="search_grant_matter")],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
