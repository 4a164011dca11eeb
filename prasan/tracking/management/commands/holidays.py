"""prasan holidays YEAR — the year's days off as the calendar counts them, to check against the cabinet's list.

YEAR may be Buddhist era (2570) or Christian era (2027).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from prasan.thai.dates import BE_OFFSET, WEEKDAYS, thai_date
from prasan.thai.digits import to_arabic
from prasan.tracking.calendar import WorkingCalendar, government_holidays
from prasan.tracking.models import Holiday

FIRST_BE_YEAR = 2400


class Command(BaseCommand):
    help = "แสดงวันหยุดราชการของปีที่ระบุ ตามที่ระบบใช้นับวันทำการ"

    def add_arguments(self, parser):
        parser.add_argument("year", help="ปี พ.ศ. หรือ ค.ศ. เช่น 2570")

    def handle(self, *args, **opts):
        try:
            year = int(to_arabic(opts["year"].strip()))
        except ValueError:
            raise CommandError(f"ปีไม่ถูกต้อง: '{opts['year']}'") from None
        if year >= FIRST_BE_YEAR:
            year -= BE_OFFSET
        if not 1960 <= year <= 2200:
            raise CommandError("ปีต้องอยู่ระหว่าง พ.ศ. 2503 ถึง 2743")

        package = government_holidays(year)
        office = {row.date: row for row in Holiday.objects.filter(date__year=year)}
        for day in sorted(set(package) | set(office)):
            row = office.get(day)
            if row is not None:
                source = "สำนักงาน: วันทำงาน" if row.is_working_day else f"สำนักงาน: {row.get_source_display()}"
                name = row.name
            else:
                source, name = "ปฏิทินราชการ", package[day]
            weekend = " (ตรงวันหยุดสุดสัปดาห์)" if day.weekday() >= 5 and not (row and row.is_working_day) else ""
            self.stdout.write(f"{day.isoformat()}  {WEEKDAYS[day.weekday()]} {thai_date(day, thai_digits=False)}"
                              f"  {name}  [{source}]{weekend}")

        calendar = WorkingCalendar(office_days={d: (r.name, r.is_working_day) for d, r in office.items()})
        count = calendar.working_days_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
        self.stdout.write(f"วันทำการทั้งปี พ.ศ. {year + BE_OFFSET}: {count} วัน")
