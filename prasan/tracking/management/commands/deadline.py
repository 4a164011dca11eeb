"""prasan deadline --from YYYY-MM-DD --working-days N → the ISO date N working days later."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from prasan.tracking.calendar import add_working_days


class Command(BaseCommand):
    help = "คำนวณวันครบกำหนดตามวันทำการของราชการ"

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True)
        parser.add_argument("--working-days", dest="days", type=int, required=True)

    def handle(self, *args, **opts):
        try:
            start = dt.date.fromisoformat(opts["start"])
        except ValueError:
            raise CommandError("วันที่ต้องอยู่ในรูป YYYY-MM-DD") from None
        self.stdout.write(add_working_days(start, opts["days"]).isoformat())
