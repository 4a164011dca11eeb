"""prasan reindex — rebuild the search index from matters, activities, answers, documents, registers and letters.

`prasan reindex --recent` (PostgreSQL; monthly from cron is plenty) only moves the mark of the indexes over the
newest rows up to the newest rows again, building them beside the old ones while searches go on.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from prasan.search import index, schema


class Command(BaseCommand):
    help = "สร้างดัชนีค้นหาใหม่ทั้งหมดจากข้อมูลในระบบ"

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="จำนวนรายการต่อรอบ")
        parser.add_argument("--quiet", action="store_true", help="ไม่แสดงความคืบหน้า")
        parser.add_argument("--recent", action="store_true",
                            help="สร้างเฉพาะดัชนีของรายการล่าสุดใหม่ (PostgreSQL) ค้นหาได้ตลอดระหว่างสร้าง")

    def handle(self, *args, **opts):
        started = time.perf_counter()
        if opts["recent"]:
            mark = schema.roll_recent(connection)
            if not opts["quiet"]:
                self.stdout.write(f"ไม่ต้องมีดัชนีรายการล่าสุด (ใช้กับ PostgreSQL ที่มีเกิน {schema.RECENT_ROWS:,} รายการ)"
                                  if mark is None else
                                  f"สร้างดัชนีรายการล่าสุดใหม่ (ตั้งแต่รายการที่ {mark + 1:,}) "
                                  f"ใช้เวลา {time.perf_counter() - started:,.1f} วินาที")
            return
        report = None if opts["quiet"] else _progress_bar(self.stderr, started)
        count = index.rebuild(batch=opts["batch"], progress=report)
        if not opts["quiet"]:
            self.stdout.write(f"สร้างดัชนีค้นหา {count:,} รายการ ใช้เวลา {time.perf_counter() - started:,.1f} วินาที")


def _progress_bar(stream, started: float):
    def report(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-6)
        width = 30
        filled = int(width * done / max(total, 1))
        stream.write(f"\rสร้างดัชนีค้นหา [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} ({rate:,.0f}/s)",
                     ending="\n" if done >= total else "")
        if done >= total:
            stream.write("กำลังสร้างดัชนีคำ (trigram) จากรายการทั้งหมด…")
        stream.flush()

    return report
