"""prasan audit verify — walks the hash chain and reports any broken link."""

from django.core.management.base import BaseCommand, CommandError

from prasan.audit.models import verify


class Command(BaseCommand):
    help = "ตรวจสอบความถูกต้องของห่วงโซ่บันทึกการตรวจสอบ"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **opts):
        count, bad = verify()
        if bad:
            raise CommandError(f"ห่วงโซ่เสียหาย: ตรวจ {count} รายการ พบผิดปกติที่รายการ {bad[:20]}")
        self.stdout.write(f"ห่วงโซ่ถูกต้อง: ตรวจ {count} รายการ")
