"""prasan deadline --from DATE --working-days N → the ISO date N working days later (N < 0: earlier).

DATE is read as the pages read it (prasan.thai.date_input): `2026-05-01`, `2569-05-01`, `๒๕๖๙-๐๕-๐๑`,
`1 พ.ค. 2569`, `1/5/2569`.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from prasan.thai.date_input import DateInputError
from prasan.thai.date_input import parse_date as read_date
from prasan.thai.digits import to_arabic
from prasan.tracking.calendar import MAX_WORKING_DAYS, WorkingCalendar


def parse_date(text) -> dt.date:
    try:
        return read_date(str(text))
    except DateInputError as exc:
        raise CommandError(f"วันที่ไม่ถูกต้อง: '{text}' ({exc})") from None


def parse_days(text) -> int:
    try:
        value = int(to_arabic(str(text).strip()))
    except ValueError:
        raise CommandError(f"จำนวนวันทำการต้องเป็นจำนวนเต็ม: '{text}'") from None
    if abs(value) > MAX_WORKING_DAYS:
        raise CommandError(f"จำนวนวันทำการต้องไม่เกิน {MAX_WORKING_DAYS} วัน")
    return value


class Command(BaseCommand):
    help = "คำนวณวันครบกำหนดตามวันทำการของราชการ (จำนวนติดลบ = นับย้อนหลัง)"

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True,
                            help="วันเริ่มนับ เช่น 2569-05-01 หรือ 1 พ.ค. 2569 (ไม่นับวันนี้)")
        parser.add_argument("--working-days", dest="days", required=True,
                            help="จำนวนวันทำการ (ติดลบ = นับย้อนหลัง)")

    def handle(self, *args, **opts):
        start, days = parse_date(opts["start"]), parse_days(opts["days"])
        try:
            due = WorkingCalendar().add_working_days(start, days)
        except (ValueError, OverflowError) as error:
            raise CommandError(f"คำนวณวันครบกำหนดไม่ได้: {error}") from None
        self.stdout.write(due.isoformat())
