"""`prasan extract FILE`: read a letter (.txt, .docx, .pdf or an image) and print its register
fields as JSON — for scripts, for measuring intake, and for checking a file by hand."""

import json

from django.core.management.base import BaseCommand

from prasan.correspondence.intake.errors import IntakeError
from prasan.correspondence.intake.pipeline import extract_file


class Command(BaseCommand):
    help = "อ่านหนังสือราชการจากไฟล์ (.txt .docx .pdf หรือรูปภาพ) แล้วพิมพ์ช่องข้อมูลเป็น JSON"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์หนังสือที่จะอ่าน")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            result = extract_file(path)
        except FileNotFoundError:
            self._fail(f"ไม่พบไฟล์: {path}")
        except IsADirectoryError:
            self._fail(f"เป็นโฟลเดอร์ ไม่ใช่ไฟล์: {path}")
        except IntakeError as exc:
            self._fail(exc.message)
        self.stdout.write(json.dumps(result.fields, ensure_ascii=False, indent=2))

    def _fail(self, message: str):
        self.stderr.write(message)
        raise SystemExit(1)
