"""prasan sign-verify FILE.pdf … — whether each PDF's digital signatures are intact, who signed and when.

Exit status: 0 every signature intact and nothing changed after signing; 1 a signature is broken or the
document was changed after signing; 2 a file could not be read or carries no signature.
"""

from django.core.management.base import BaseCommand

from prasan.documents.pades import PdfCheckError, verify_pdf
from prasan.thai.dates import thai_datetime

BROKEN, UNREADABLE = 1, 2


class Command(BaseCommand):
    help = "ตรวจลายมือชื่อดิจิทัลในไฟล์ PDF: ครบถ้วนหรือไม่ ใครลงนาม เมื่อใด"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="ไฟล์ PDF ที่จะตรวจ")
        parser.add_argument("--trust", action="append", default=[],
                            help="ไฟล์ใบรับรองหลัก (PEM/DER) ที่เชื่อถือเพิ่ม ใส่ได้หลายครั้ง")

    def handle(self, *args, **opts):
        worst = 0
        for name in opts["files"]:
            worst = max(worst, self.verify_file(name, opts["trust"]))
        if worst:
            raise SystemExit(worst)

    def verify_file(self, name: str, trust: list[str]) -> int:
        self.stdout.write(f"ไฟล์ {name}")
        try:
            with open(name, "rb") as handle:
                data = handle.read()
            reports = verify_pdf(data, extra_roots=trust)
        except OSError as exc:
            self.stdout.write(f"  อ่านไฟล์ไม่ได้ ({exc.strerror})")
            return UNREADABLE
        except PdfCheckError as exc:
            self.stdout.write(f"  {exc}")
            return UNREADABLE
        if not reports:
            self.stdout.write("  ไม่มีลายมือชื่อดิจิทัลในไฟล์นี้")
            return UNREADABLE
        status = 0
        for n, report in enumerate(reports, start=1):
            mark = "ผ่าน" if report.ok else "ไม่ผ่าน"
            self.stdout.write(f"  ลายมือชื่อที่ {n}: {mark} — {report.verdict()}")
            self.stdout.write(f"    ผู้ลงนาม: {report.signer}")
            self.stdout.write(f"    ใบรับรอง: {report.certificate} (ออกโดย {report.issuer})")
            when = thai_datetime(report.signed_at) if report.signed_at else "ไม่ระบุ"
            self.stdout.write(f"    ลงนามเมื่อ: {when}")
            if not report.ok:
                status = BROKEN
        return status
