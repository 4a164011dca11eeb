"""prasan audit verify — walks the hash chain, reports any broken link, exits non-zero if broken."""

from django.core.management.base import BaseCommand, CommandError

from prasan.audit.models import MISSING_TAIL, chain_head, verify

SHOWN = 20


class Command(BaseCommand):
    help = "ตรวจสอบความถูกต้องของห่วงโซ่บันทึกการตรวจสอบ"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"], help="verify = ตรวจห่วงโซ่ทั้งหมด")

    def handle(self, *args, **opts):
        count, bad = verify()
        if bad:
            problems = []
            ids = [event_id for event_id in bad if event_id != MISSING_TAIL]
            if ids:
                shown = ", ".join(str(event_id) for event_id in ids[:SHOWN])
                more = f" และอีก {len(ids) - SHOWN} รายการ" if len(ids) > SHOWN else ""
                problems.append(f"รายการที่ถูกแก้ไขหรือต่อจากรายการที่ถูกลบ: {shown}{more}")
            if MISSING_TAIL in bad:
                problems.append("รายการล่าสุดหายไป (หัวห่วงโซ่ไม่ตรงกับรายการสุดท้าย)")
            raise CommandError(f"ห่วงโซ่บันทึกการตรวจสอบเสียหาย: ตรวจ {count} รายการ; " + "; ".join(problems))
        self.stdout.write(f"ห่วงโซ่ถูกต้อง: ตรวจ {count} รายการ")
        if count:
            self.stdout.write(f"แฮชล่าสุด: {chain_head()}")
