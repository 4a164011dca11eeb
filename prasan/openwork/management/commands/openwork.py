"""prasan openwork check | rebuild — compare the open-work table with the assignments and the matters it is kept
from (check: exit status 1 on any difference, with the first few), or make it again from them (rebuild)."""

import time

from django.core.management.base import BaseCommand, CommandError

from prasan.openwork import building

SHOWN = 10  # differences listed; the counts say how many there are


class Command(BaseCommand):
    help = "ตรวจหรือสร้างตารางงานที่ยังไม่ปิดของแต่ละคนใหม่ (ใช้ในหน้างานของฉัน)"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "rebuild"], help="check: ตรวจว่าตรงกับข้อมูลจริง; "
                            "rebuild: สร้างใหม่ทั้งหมด")

    def handle(self, *args, action, **opts):
        started = time.perf_counter()
        if action == "rebuild":
            count = building.rebuild()
            self.stdout.write(f"สร้างตารางงานที่ยังไม่ปิดใหม่ {count:,} รายการ "
                              f"ใช้เวลา {time.perf_counter() - started:,.1f} วินาที")
            return
        found = building.differences()
        seconds = f"ใช้เวลา {time.perf_counter() - started:,.1f} วินาที"
        if found.exact:
            self.stdout.write(f"ตารางงานที่ยังไม่ปิดถูกต้อง {found.rows:,} รายการ {seconds}")
            return
        for label, rows in (("ขาด", found.missing), ("เกิน", found.extra)):
            for row in rows[:SHOWN]:
                self.stderr.write(f"{label}: ผู้รับผิดชอบ {row[0]} เรื่อง {row[1]} {row[2:]}")
        raise CommandError(f"ตารางงานที่ยังไม่ปิดไม่ตรงกับข้อมูลจริง: ขาด {len(found.missing):,} เกิน "
                           f"{len(found.extra):,} รายการ ({seconds}) — แก้ได้ด้วย prasan openwork rebuild")
