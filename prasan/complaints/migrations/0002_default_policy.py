"""Every existing office gets its complaint policy (3 and 15 working days, 5 years) and the default categories."""

from django.db import migrations

CATEGORIES = (
    "ค่าธรรมเนียม/เงินบำรุงการศึกษา",
    "การสอบ/การคัดเลือก/การบรรจุแต่งตั้ง",
    "ความประพฤติของครูและบุคลากร",
    "อาคารสถานที่และความปลอดภัย",
    "การรับนักเรียน",
    "ทุจริต/ประพฤติมิชอบ",
    "สวัสดิการและเงินเดือน",
    "การจัดการเรียนการสอน/หลักสูตร",
    "ขอความช่วยเหลือ/ขอความอนุเคราะห์",
    "อื่น ๆ",
)


def seed(apps, schema_editor):
    Office = apps.get_model("directory", "Office")
    Policy = apps.get_model("complaints", "Policy")
    Category = apps.get_model("complaints", "Category")
    for office in Office.objects.all():
        _, created = Policy.objects.get_or_create(office=office)
        if created:
            for position, name in enumerate(CATEGORIES, start=1):
                Category.objects.get_or_create(office=office, name=name, defaults={"position": position * 10})


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
