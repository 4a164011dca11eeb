"""prasan import-sittings FILE.csv [--dry-run]: sitting days of parliament from a CSV (see sittings_import)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prasan.directory.csvfile import CsvFileError, decode
from prasan.parliament import sittings_import


class Command(BaseCommand):
    help = "นำเข้าวันประชุมสภาจากไฟล์ CSV (คอลัมน์ สภา, วันที่, การประชุม, หมายเหตุ)"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = decode(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"เปิดไฟล์ไม่ได้: {exc.strerror}") from None
        except CsvFileError as exc:
            raise CommandError(str(exc)) from None
        parsed = sittings_import.parse(text)
        if parsed.errors:
            raise CommandError("ไม่ได้นำเข้า:\n" + "\n".join(parsed.errors))
        if options["dry_run"]:
            self.stdout.write(f"ตรวจแล้ว {len(parsed.entries)} วัน ไม่มีข้อผิดพลาด (ยังไม่บันทึก)")
            return
        added, updated = sittings_import.apply(parsed.entries, by="prasan import-sittings")
        self.stdout.write(f"นำเข้าแล้ว: เพิ่ม {added} วัน ปรับปรุง {updated} วัน")
