"""prasan import-complaints FILE [--dry-run] [--user NAME]: complaints from a 1111 or Traffy Fondue export (CSV or
XLSX), each with its system's reference number; rows already imported are skipped, refused rows listed (Thai)."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from prasan.complaints.imports import run, tables
from prasan.directory.models import Office


class Command(BaseCommand):
    help = "นำเข้าเรื่องร้องเรียนจากไฟล์ส่งออกของศูนย์ 1111 หรือ Traffy Fondue (CSV หรือ XLSX)"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")
        parser.add_argument("--user", help="ชื่อผู้ใช้ที่บันทึกเป็นผู้นำเข้า (ไม่ระบุ = ระบบ)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            table = tables.read(path.read_bytes(), path.name)
        except OSError as exc:
            raise CommandError(f"เปิดไฟล์ไม่ได้: {exc.strerror}") from None
        except tables.TableError as exc:
            raise CommandError(str(exc)) from None
        by = "prasan import-complaints"
        if options["user"]:
            by = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if by is None:
                raise CommandError(f"ไม่มีผู้ใช้ {options['user']}")
        try:
            system = run.system_of(table)
        except tables.TableError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"ไฟล์ของ{system.label}: {len(table.rows):,} แถว")
        report = run.import_table(Office.current(), table, by=by, progress=self._progress,
                                  dry_run=options["dry_run"])
        if report.rows:
            sys.stderr.write("\n")
        verb = "นำเข้าได้" if options["dry_run"] else "นำเข้าแล้ว"
        self.stdout.write(f"{verb} {len(report.created):,} เรื่อง, นำเข้าไว้ก่อนแล้ว (ข้าม) {len(report.skipped):,} "
                          f"เรื่อง, ไม่นำเข้า {len(report.refused):,} แถว"
                          + (" (ตรวจอย่างเดียว ยังไม่บันทึก)" if options["dry_run"] else ""))
        for number, ref, reasons in report.refused:
            self.stdout.write(f"  แถวที่ {number} ({ref or 'ไม่มีเลขที่'}): {'; '.join(reasons)}")
        if report.refused:
            raise SystemExit(1)

    def _progress(self, done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            sys.stderr.write(f"\rกำลังนำเข้า {done:,}/{total:,}")
            sys.stderr.flush()
