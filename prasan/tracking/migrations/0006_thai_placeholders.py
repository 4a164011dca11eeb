"""The default reminder rules written with the Thai placeholders the admin now sees ({เลขเรื่อง}, …)."""

from django.db import migrations

NAMES = {"number": "เลขเรื่อง", "title": "ชื่อเรื่อง", "deadline": "วันครบกำหนด", "link": "ลิงก์",
         "agency": "หน่วยงาน", "days": "จำนวนวัน", "recipient": "ชื่อผู้รับ"}


def to_thai(apps, schema_editor):
    Rule = apps.get_model("tracking", "ReminderRule")
    for rule in Rule.objects.all():
        for field in ("subject_template", "message_template"):
            text = getattr(rule, field)
            for english, thai in NAMES.items():
                text = text.replace("{" + english + "}", "{" + thai + "}")
            setattr(rule, field, text)
        rule.save(update_fields=["subject_template", "message_template"])


class Migration(migrations.Migration):
    dependencies = [("tracking", "0005_thai_labels")]
    operations = [migrations.RunPython(to_thai, migrations.RunPython.noop)]
