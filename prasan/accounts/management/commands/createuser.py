"""prasan createuser USERNAME --role ROLE [--unit NAME] [--clearance N] [--password P]"""

import getpass

from django.core.management.base import BaseCommand, CommandError

from prasan.accounts.models import Clearance, Role, User
from prasan.directory.models import Unit


class Command(BaseCommand):
    help = "สร้างผู้ใช้ใหม่ของระบบ"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=Role.values, default=Role.COORDINATOR)
        parser.add_argument("--unit", help="ชื่อหรืออักษรย่อของกลุ่มงาน")
        parser.add_argument("--clearance", type=int, choices=Clearance.values, default=0)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="ถ้าไม่ระบุจะถามที่หน้าจอ")

    def handle(self, *args, **opts):
        if User.objects.filter(username=opts["username"]).exists():
            raise CommandError(f"มีผู้ใช้ชื่อ {opts['username']} อยู่แล้ว")
        unit = None
        if opts["unit"]:
            unit = (Unit.objects.filter(name=opts["unit"]).first()
                    or Unit.objects.filter(abbreviation=opts["unit"]).first())
            if unit is None:
                raise CommandError(f"ไม่พบกลุ่มงาน {opts['unit']}")
        password = opts["password"] or getpass.getpass("รหัสผ่าน: ")
        if len(password) < 8:
            raise CommandError("รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร")
        user = User.objects.create_user(
            opts["username"], email=opts["email"], password=password, role=opts["role"], unit=unit,
            clearance=opts["clearance"], first_name=opts["first_name"], last_name=opts["last_name"],
            is_staff=opts["role"] == Role.ADMIN, is_superuser=opts["role"] == Role.ADMIN,
        )
        self.stdout.write(f"สร้างผู้ใช้ {user.username} ({user.get_role_display()}) แล้ว")
