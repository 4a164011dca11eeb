"""prasan import-agencies FILE [--dry-run]: load agencies and liaison officers from a CSV file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prasan.directory.importing import CsvFileError, import_agencies


class Command(BaseCommand):
    help = "นำเข้าทำเนียบหน่วยงานและผู้ประสานงานจากไฟล์ CSV (มีข้อผิดพลาดแถวใดจะไม่บันทึกเลย)"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ CSV (UTF-8 หรือ TIS-620/Windows-874)")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบอย่างเดียว ไม่บันทึก")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"เปิดไฟล์ {path} ไม่ได้: {exc.strerror or exc}") from None
        try:
            result = import_agencies(data, dry_run=opts["dry_run"], by="คำสั่ง import-agencies")
        except CsvFileError as exc:
            raise CommandError(f"{path}: {exc}") from None
        for row, message in result.errors:
            self.stderr.write(f"แถวที่ {row}: {message}")
        if result.errors:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
