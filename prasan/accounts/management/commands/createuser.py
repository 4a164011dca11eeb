"""prasan createuser USERNAME --role ROLE [--unit NAME] [--clearance N] [--password P]

The password is hashed with the first of PASSWORD_HASHERS (Argon2 in production) and checked by
AUTH_PASSWORD_VALIDATORS, with the reasons given in Thai.
"""

import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from prasan.accounts.models import Role, User
from prasan.directory.models import Unit
from prasan.matters.choices import CLEARANCE_CHOICES


def password_problems(password: str, user: User) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)  # the office's validators speak Thai (prasan/accounts/passwords.py)
    return []


class Command(BaseCommand):
    help = "สร้างผู้ใช้ใหม่ของระบบ"

    def add_arguments(self, parser):
        roles = ", ".join(f"{value} ({label})" for value, label in Role.choices)
        parser.add_argument("username")
        parser.add_argument("--role", default=Role.COORDINATOR, help=f"บทบาท: {roles}")
        parser.add_argument("--unit", help="ชื่อหรืออักษรย่อของกลุ่มงาน")
        parser.add_argument("--clearance", type=int, default=0,
                            help="ชั้นความลับที่เข้าถึงได้: " + ", ".join(f"{v} {t}" for v, t in CLEARANCE_CHOICES))
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="ถ้าไม่ระบุจะถามที่หน้าจอ")

    def handle(self, *args, **opts):
        username = opts["username"].strip()
        if not username:
            raise CommandError("กรุณาระบุชื่อผู้ใช้")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"มีผู้ใช้ชื่อ {username} อยู่แล้ว")
        if opts["role"] not in Role.values:
            raise CommandError(f"ไม่รู้จักบทบาท {opts['role']} (ใช้ได้: {', '.join(Role.values)})")
        if opts["clearance"] not in dict(CLEARANCE_CHOICES):
            raise CommandError("ชั้นความลับต้องเป็น 0, 1, 2 หรือ 3")
        unit = self.find_unit(opts["unit"]) if opts["unit"] else None

        user = User(
            username=username, email=User.objects.normalize_email(opts["email"]), role=opts["role"], unit=unit,
            clearance=opts["clearance"], first_name=opts["first_name"], last_name=opts["last_name"],
            is_staff=opts["role"] == Role.ADMIN, is_superuser=opts["role"] == Role.ADMIN,
        )
        password = opts["password"] if opts["password"] is not None else self.ask_password()
        problems = password_problems(password, user)
        if problems:
            raise CommandError("; ".join(problems))
        user.set_password(password)
        try:
            user.save()
        except IntegrityError:  # created by someone else since the check above
            raise CommandError(f"มีผู้ใช้ชื่อ {username} อยู่แล้ว") from None
        self.stdout.write(f"สร้างผู้ใช้ {user.username} ({user.get_role_display()}) แล้ว")

    @staticmethod
    def find_unit(name: str) -> Unit:
        matches = list(Unit.objects.filter(name=name)[:2]) or list(Unit.objects.filter(abbreviation=name)[:2])
        if not matches:
            raise CommandError(f"ไม่พบกลุ่มงาน {name}")
        if len(matches) > 1:
            raise CommandError(f"มีกลุ่มงานชื่อ {name} มากกว่าหนึ่งกลุ่ม ระบุให้ชัดกว่านี้")
        return matches[0]

    @staticmethod
    def ask_password() -> str:
        password = getpass.getpass("รหัสผ่าน: ")
        if getpass.getpass("รหัสผ่านอีกครั้ง: ") != password:
            raise CommandError("รหัสผ่านสองครั้งไม่ตรงกัน")
        return password
