"""prasan deadline --from YYYY-MM-DD --working-days N → the ISO date N working days later (N < 0: earlier).

Thai digits and Buddhist-era years are accepted as typed in the office (`๒๕๖๙-๐๕-๐๑`, `2569-05-01`).
"""

import datetime as dt
import re

from django.core.management.base import BaseCommand, CommandError

from prasan.thai.dates import BE_OFFSET
from prasan.thai.digits import to_arabic
from prasan.tracking.calendar import MAX_WORKING_DAYS, WorkingCalendar

# A year this large can only be a Buddhist-era year.
FIRST_BE_YEAR = 2400


DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text) -> dt.date:
    match = DATE.fullmatch(to_arabic(str(text).strip()))
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) for part in match.groups())
        # Convert the year first: 29 February of a BE leap year is not a valid date in year 25xx.
        return dt.date(year - BE_OFFSET if year >= FIRST_BE_YEAR else year, month, day)
    except ValueError:
        raise CommandError(f"วันที่ไม่ถูกต้อง: '{text}' (ใช้รูปแบบ ปปปป-ดด-วว เช่น 2026-05-01)") from None


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
                            help="วันเริ่มนับ ปปปป-ดด-วว (ไม่นับวันนี้)")
        parser.add_argument("--working-days", dest="days", required=True,
                            help="จำนวนวันทำการ (ติดลบ = นับย้อนหลัง)")

    def handle(self, *args, **opts):
        start, days = parse_date(opts["start"]), parse_days(opts["days"])
        try:
            due = WorkingCalendar().add_working_days(start, days)
        except (ValueError, OverflowError) as error:
            raise CommandError(f"คำนวณวันครบกำหนดไม่ได้: {error}") from None
        self.stdout.write(due.isoformat())
