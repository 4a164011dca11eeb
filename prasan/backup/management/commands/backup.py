"""prasan backup OUT.tar.gz | prasan backup --nightly — one archive of the database and every file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from prasan.backup.archive import BackupError, backup, nightly


class Command(BaseCommand):
    help = ("สำรองข้อมูลทั้งสำนักงาน (ฐานข้อมูล ไฟล์ทั้งหมด และรายการค่าตรวจสอบ SHA-256) เป็นไฟล์เดียว. "
            "--nightly: สำรองวันละครั้งลง PRASAN_BACKUP_DIR และเก็บไว้ PRASAN_BACKUP_KEEP ชุดล่าสุด "
            "(ตั้ง cron ให้เรียกทุกคืน เช่น `0 2 * * * prasan backup --nightly`)")

    def add_arguments(self, parser):
        parser.add_argument("out", nargs="?", help="ไฟล์ที่จะเขียน เช่น prasan-2569-12-01.tar.gz")
        parser.add_argument("--nightly", action="store_true")

    def handle(self, *args, **opts):
        try:
            if opts["nightly"]:
                written, removed = nightly(Path(settings.BACKUP_DIR), settings.BACKUP_KEEP)
                self.stdout.write(f"สำรองข้อมูลแล้ว: {written}" if written else "วันนี้สำรองข้อมูลไว้แล้ว")
                for old in removed:
                    self.stdout.write(f"ลบสำเนาเก่า: {old.name}")
                return
            if not opts["out"]:
                raise CommandError("ระบุไฟล์ปลายทาง เช่น `prasan backup prasan.tar.gz` หรือใช้ --nightly")
            out = Path(opts["out"])
            if out.exists():
                raise CommandError(f"มีไฟล์ {out} อยู่แล้ว (ไม่เขียนทับ)")
            manifest = backup(out)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(f"สำรองข้อมูลแล้ว: {out} (ฐานข้อมูล {manifest['database']}, ไฟล์ {files:,} ไฟล์, "
                          f"โครงสร้างฐานข้อมูล {len(manifest['migrations'])} migrations)")
