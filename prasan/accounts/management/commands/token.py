"""prasan token create USERNAME [--name NAME] [--scope read|read_write] [--days N] — prints the new API
token on its last line; `prasan token revoke PREFIX` stops one."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from prasan.accounts.models import ApiToken, TokenScope, User
from prasan.thai.dates import thai_datetime


class Command(BaseCommand):
    help = "ออกโทเคน API ให้ผู้ใช้ (แสดงครั้งเดียว)"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", default="")
        create.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ,
                            help="read = อ่านอย่างเดียว (ค่าเริ่มต้น), read_write = อ่านและเขียน")
        create.add_argument("--days", type=int, default=None,
                            help=f"ใช้ได้กี่วัน (ค่าเริ่มต้น PRASAN_API_TOKEN_DAYS = {settings.API_TOKEN_DAYS})")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix")

    def handle(self, *args, **opts):
        if opts["action"] == "create":
            user = User.objects.filter(username=opts["username"], is_active=True).first()
            if user is None:
                raise CommandError(f"ไม่พบผู้ใช้ {opts['username']}")
            if opts["days"] is not None and not 1 <= opts["days"] <= 3650:
                raise CommandError("--days ต้องอยู่ระหว่าง 1 ถึง 3650 วัน")
            token, raw = ApiToken.issue(user, opts["name"], scope=opts["scope"], days=opts["days"])
            self.stdout.write(f"โทเคนของ {user.username} สิทธิ์: {token.get_scope_display()} "
                              f"หมดอายุ {thai_datetime(token.expires_at)}")
            self.stdout.write("เก็บไว้ให้ดี จะไม่แสดงอีก:")
            self.stdout.write(raw)
        else:
            count = ApiToken.objects.filter(prefix=opts["prefix"], revoked=False).update(revoked=True)
            if not count:
                raise CommandError("ไม่พบโทเคนที่ขึ้นต้นเช่นนี้")
            self.stdout.write(f"ยกเลิกโทเคน {count} รายการแล้ว")
