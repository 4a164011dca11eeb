"""prasan demo — load the realistic Thai demo office (idempotent) and print the log-ins."""

import sys

from django.core.management.base import BaseCommand

from prasan.demo import data
from prasan.demo.build import load


class Command(BaseCommand):
    help = "โหลดข้อมูลตัวอย่างของสำนักงานรัฐมนตรี กระทรวงศึกษาธิการ"

    def add_arguments(self, parser):
        parser.add_argument("--matters", type=int, default=200)

    def handle(self, *args, **opts):
        def progress(done, total):
            if done == total or done % 20 == 0:
                sys.stderr.write(f"\rสร้างเรื่องตัวอย่าง {done}/{total}")
                if done == total:
                    sys.stderr.write("\n")

        result = load(opts["matters"], progress=progress)
        self.stdout.write(f"สำนักงาน: {result['office'].name} (สร้างเรื่องใหม่ {result['matters_created']} เรื่อง)")
        self.stdout.write(f"ผู้ใช้ตัวอย่าง (รหัสผ่านเดียวกันทุกคน: {data.DEMO_PASSWORD})")
        for user in result["users"][:7]:
            self.stdout.write(f"  {user.username:<13} {user.get_role_display()}")
        self.stdout.write("สำนักงานตัวอย่างปิดการยืนยันตัวตนสองขั้นตอนไว้ ให้เข้าสู่ระบบได้ในขั้นเดียว "
                          "(เปิดได้ที่ ตั้งค่า › สำนักงาน › บังคับยืนยันตัวตนสองขั้นตอน)")
        self.signing_certificate(result["office"])
        if not result["office"].emblem:
            self.stdout.write("ตราครุฑ: ยังใช้ตราตัวอย่าง — อัปโหลดตราจริงที่ /admin/directory/office/")

    def signing_certificate(self, office):
        """The demo office signs for real with a certificate made here, once, under the data dir."""
        from django.conf import settings

        from prasan.documents.certificates import ensure_demo

        if settings.SIGNING_P12:
            self.stdout.write(f"ใบรับรองสำหรับลงนาม: {settings.SIGNING_P12}")
            return
        path = ensure_demo(office.name)  # made by the load already; here for an office loaded before
        self.stdout.write(f"ใบรับรองสาธิตสำหรับลงนาม (ไม่ใช่ใบรับรองจริง): {path}")
