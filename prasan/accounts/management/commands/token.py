"""prasan token create USERNAME [--name NAME] — prints the new API token on its last line."""

from django.core.management.base import BaseCommand, CommandError

from prasan.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "ออกโทเคน API ให้ผู้ใช้ (แสดงครั้งเดียว)"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", default="")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix")

    def handle(self, *args, **opts):
        if opts["action"] == "create":
            user = User.objects.filter(username=opts["username"], is_active=True).first()
            if user is None:
                raise CommandError(f"ไม่พบผู้ใช้ {opts['username']}")
            _, raw = ApiToken.issue(user, opts["name"])
            self.stdout.write(f"โทเคนของ {user.username} (เก็บไว้ให้ดี จะไม่แสดงอีก):")
            self.stdout.write(raw)
        else:
            count = ApiToken.objects.filter(prefix=opts["prefix"], revoked=False).update(revoked=True)
            if not count:
                raise CommandError("ไม่พบโทเคนที่ขึ้นต้นเช่นนี้")
            self.stdout.write(f"ยกเลิกโทเคน {count} รายการแล้ว")
