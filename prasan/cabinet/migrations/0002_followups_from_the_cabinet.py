"""Follow-up matters made from a cabinet resolution before the matter source "cabinet" existed were marked
"policy": they came from the cabinet, so say so. Agenda items' own matters are left as they are (one may be
an existing matter the user tied to the item, whose source is its own)."""

from django.db import migrations


def forwards(apps, schema_editor):
    AgendaItem = apps.get_model("cabinet", "AgendaItem")
    Matter = apps.get_model("matters", "Matter")
    made = AgendaItem.objects.filter(followup__isnull=False).values("followup_id")
    Matter.objects.filter(pk__in=made, source="policy").update(source="cabinet")


def backwards(apps, schema_editor):
    AgendaItem = apps.get_model("cabinet", "AgendaItem")
    Matter = apps.get_model("matters", "Matter")
    made = AgendaItem.objects.filter(followup__isnull=False).values("followup_id")
    Matter.objects.filter(pk__in=made, source="cabinet").update(source="policy")


class Migration(migrations.Migration):
    dependencies = [("cabinet", "0001_initial"), ("matters", "0008_matter_source_cabinet")]

    operations = [migrations.RunPython(forwards, backwards)]
