"""`prasan extract FILE`: read a letter (.txt, .docx, .pdf or an image) and print its register
fields as JSON — for scripts, for measuring intake, and for checking a file by hand. (`prasan extract FILE`
from the shell runs `intake.command` directly, without setting Django up; this is the same through Django.)"""

from django.core.management.base import BaseCommand

from prasan.correspondence.intake.command import main


class Command(BaseCommand):
    help = "อ่านหนังสือราชการจากไฟล์ (.txt .docx .pdf หรือรูปภาพ) แล้วพิมพ์ช่องข้อมูลเป็น JSON"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์หนังสือที่จะอ่าน")

    def handle(self, *args, **options):
        status = main(options["file"], self.stdout, self.stderr)
        if status:
            raise SystemExit(status)
