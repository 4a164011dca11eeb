"""prasan reindex — rebuild the search index from matters, activities, answers, documents, registers and letters."""

import time

from django.core.management.base import BaseCommand

from prasan.search import index


class Command(BaseCommand):
    help = "สร้างดัชนีค้นหาใหม่ทั้งหมดจากข้อมูลในระบบ"

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="จำนวนรายการต่อรอบ")
        parser.add_argument("--quiet", action="store_true", help="ไม่แสดงความคืบหน้า")

    def handle(self, *args, **opts):
        started = time.perf_counter()
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
