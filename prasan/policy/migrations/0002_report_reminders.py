"""The office's default reminders of a policy's progress reports, before and after each is due, by e-mail and LINE
to the agency's liaison officer; an admin can edit or switch them off (tracking.ReminderRule)."""

from django.db import migrations

RULES = [
    {
        "name": "เตือนหน่วยงานก่อนครบกำหนดรายงานความก้าวหน้า 2 วันทำการ",
        "offset_working_days": -2,
        "subject_template": "แจ้งเตือนกำหนดส่งรายงานความก้าวหน้า {เลขเรื่อง} {ชื่อเรื่อง}",
        "message_template": (
            "เรียน {ชื่อผู้รับ} ({หน่วยงาน})\n\n"
            "สำนักงานรัฐมนตรีขอเรียนว่ารายงานความก้าวหน้าการดำเนินงานตามนโยบาย เรื่อง {เลขเรื่อง} {ชื่อเรื่อง} "
            "งวดนี้ครบกำหนดส่งในวันที่ {วันครบกำหนด} (อีก {จำนวนวัน} วันทำการ)\n"
            "รายงานได้ทางลิงก์นี้ (ไม่ต้องมีบัญชีผู้ใช้):\n{ลิงก์}\n\nขอขอบคุณ\nสำนักงานรัฐมนตรี"
        ),
    },
    {
        "name": "ติดตามหน่วยงานที่ยังไม่ส่งรายงานความก้าวหน้าเมื่อเกินกำหนด 1 วันทำการ",
        "offset_working_days": 1,
        "subject_template": "ขอติดตามรายงานความก้าวหน้า {เลขเรื่อง} {ชื่อเรื่อง} (เกินกำหนด)",
        "message_template": (
            "เรียน {ชื่อผู้รับ} ({หน่วยงาน})\n\n"
            "สำนักงานรัฐมนตรีขอเรียนติดตามรายงานความก้าวหน้าการดำเนินงานตามนโยบาย เรื่อง {เลขเรื่อง} {ชื่อเรื่อง} "
            "ซึ่งครบกำหนดส่งเมื่อวันที่ {วันครบกำหนด} และยังไม่ได้รับรายงาน\n"
            "โปรดรายงานทางลิงก์นี้โดยเร็ว:\n{ลิงก์}\n\nขอขอบคุณ\nสำนักงานรัฐมนตรี"
        ),
    },
]


def add(apps, schema_editor):
    ReminderRule = apps.get_model("tracking", "ReminderRule")
    for rule in RULES:
        ReminderRule.objects.get_or_create(name=rule["name"], defaults={
            **rule, "target": "policy_report", "recipients": ["liaison"], "channels": ["email", "line"]})


def remove(apps, schema_editor):
    apps.get_model("tracking", "ReminderRule").objects.filter(name__in=[r["name"] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial"), ("tracking", "0008_policy_report_target")]
    operations = [migrations.RunPython(add, remove)]
