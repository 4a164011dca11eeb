"""prasan restore ARCHIVE — into the empty database and data dir this process is configured with."""

import datetime as dt
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from prasan.audit.models import verify
from prasan.backup.archive import BackupError, Target, restore
from prasan.thai.dates import thai_datetime


class Command(BaseCommand):
    help = ("กู้คืนข้อมูลจากไฟล์สำรองลงฐานข้อมูลและโฟลเดอร์ข้อมูลที่ยังว่าง (PRASAN_DATABASE_URL, PRASAN_DATA_DIR) "
            "ไม่รับไฟล์ที่ถูกแก้ไขหรือมาจากประสานรุ่นที่ใหม่กว่า")

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, **opts):
        try:
            manifest = restore(Path(opts["archive"]), Target.current())
        except BackupError as error:
            raise CommandError(str(error)) from error
        # An archive from an older Prasan is brought up to this code's schema.
        call_command("migrate", interactive=False, verbosity=0)
        checked, bad = verify()
        files = sum(1 for name in manifest["files"] if name.startswith("media/"))
        made = thai_datetime(dt.datetime.fromisoformat(manifest["created_at"]))
        self.stdout.write(f"กู้คืนแล้ว: สำเนาเมื่อ {made} ไฟล์ {files:,} ไฟล์ "
                          f"บันทึกตรวจสอบ {checked:,} รายการ{' ครบถ้วน' if not bad else f' ผิดปกติ {len(bad)} รายการ'}")
