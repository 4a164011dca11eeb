"""prasan render FORM --data FIELDS.json --format pdf|docx -o OUT → the form filled in, as a file.

FIELDS.json is an object of the form's fields (samples in docs/samples/); `--data -` reads stdin.
A form lacking a required part is not rendered: the command lists every missing part in Thai. Parts
the office's settings give (นำเสนอ, เรียน) are taken from them when left out.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prasan.documents import office_defaults
from prasan.documents.forms import FORMS, FormError

FORMATS = ("pdf", "docx")


def load_fields(source: str) -> dict:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"อ่านไฟล์ข้อมูลไม่ได้: {source} ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CommandError(f"ไฟล์ข้อมูลไม่ใช่ JSON ที่ถูกต้อง: บรรทัด {exc.lineno} ({exc.msg})") from None
    if not isinstance(data, dict):
        raise CommandError("ไฟล์ข้อมูลต้องเป็นออบเจกต์ JSON (ชื่อช่อง: ค่า)")
    return data


def _office():
    """The office whose settings fill the parts left blank (นำเสนอ, เรียน); none before `migrate`."""
    from django.db import DatabaseError

    from prasan.directory.models import Office

    try:
        return Office.objects.order_by("id").first()
    except DatabaseError:
        return None


class Command(BaseCommand):
    help = "พิมพ์แบบฟอร์ม/หนังสือราชการจากข้อมูล JSON เป็น PDF หรือ DOCX"

    def add_arguments(self, parser):
        parser.add_argument("form", choices=sorted(FORMS), help="แบบที่จะพิมพ์")
        parser.add_argument("--data", required=True, help="ไฟล์ JSON ของข้อมูลในแบบ (- = stdin)")
        parser.add_argument("--format", choices=FORMATS,
                            help="pdf หรือ docx (ไม่ระบุ: ดูจากนามสกุลของ -o, ปกติ pdf)")
        parser.add_argument("-o", "--output", required=True, help="ไฟล์ที่จะเขียน")
        parser.add_argument("--digits", choices=("thai", "arabic"), default="thai",
                            help="ตัวเลขไทย (ค่าเริ่มต้น) หรืออารบิก")
        emblem = parser.add_mutually_exclusive_group()
        emblem.add_argument("--emblem", help="ไฟล์ตราสัญลักษณ์ (SVG/PNG; DOCX ใช้ PNG)")
        emblem.add_argument("--no-emblem", action="store_true", help="ไม่พิมพ์ตราสัญลักษณ์")

    def handle(self, *args, **opts):
        output = Path(opts["output"])
        fmt = opts["format"] or (output.suffix.lstrip(".").lower()
                                 if output.suffix.lower() in (".pdf", ".docx") else "pdf")
        data = office_defaults.apply(load_fields(opts["data"]), _office(), opts["form"])
        options = {"digits": opts["digits"], "emblem_path": opts["emblem"],
                   "with_emblem": not opts["no_emblem"]}
        try:
            if fmt == "docx":
                from prasan.documents.render.docx import render_docx

                content = render_docx(opts["form"], data, **options)
            else:
                from prasan.documents.render.html import render_pdf

                content = render_pdf(opts["form"], data, **options)
        except FormError as exc:
            lines = "\n".join(f"- {message}" for message in exc.errors.values())
            raise CommandError(f"แบบ “{FORMS[opts['form']].title}” ยังไม่ครบถ้วน:\n{lines}") from None
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"เขียนไฟล์ไม่ได้: {output} ({exc.strerror})") from None
        self.stdout.write(f"เขียน {output} แล้ว ({fmt.upper()} {len(content):,} ไบต์)")
