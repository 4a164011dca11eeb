"""When a commitment reports: its periods (months, fiscal quarters or the dates given) and each report's due date,
counted in government working days after the period ends (never timedelta days), and when its request opens."""

import datetime as dt
from dataclasses import dataclass

from prasan.thai.dates import shown_date
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.reports import Period

from .choices import Schedule

# A period's report is due this many working days after the period ends ("รายงานภายใน ๕ วันทำการของเดือนถัดไป").
DUE_WORKING_DAYS = 5
# The agency gets the reply link this long before the report is due, and no earlier than the period starts.
OPENS_BEFORE = dt.timedelta(days=21)
MAX_REPORTS = 60


@dataclass(frozen=True)
class Slot:
    seq: int
    label: str
    start: dt.date
    end: dt.date
    due: dt.date

    @property
    def opens(self) -> dt.date:
        return max(self.start, self.due - OPENS_BEFORE)


class ScheduleError(ValueError):
    """The schedule cannot be laid out; the message says why in Thai."""


def slots(schedule: str, starts_on: dt.date, ends_on: dt.date, dates=(),
          calendar: WorkingCalendar | None = None) -> list[Slot]:
    if ends_on < starts_on:
        raise ScheduleError("วันสิ้นสุดต้องไม่อยู่ก่อนวันเริ่ม")
    calendar = calendar or WorkingCalendar()
    if schedule == Schedule.DATES:
        return _on_dates(starts_on, ends_on, dates)
    step = Period.month_of if schedule == Schedule.MONTHLY else Period.quarter_of
    found, day = [], starts_on
    while day <= ends_on:
        period = step(day)
        end = min(period.end, ends_on)
        found.append(Slot(len(found) + 1, period.short_label, day, end,
                          calendar.add_working_days(end, DUE_WORKING_DAYS)))
        if len(found) > MAX_REPORTS:
            raise ScheduleError(f"รอบรายงานมากเกิน {MAX_REPORTS} ครั้ง โปรดตรวจวันเริ่มและวันสิ้นสุด")
        day = period.end + dt.timedelta(days=1)
    return found


def _on_dates(starts_on, ends_on, dates) -> list[Slot]:
    days = sorted(set(dates))
    if not days:
        raise ScheduleError("รอบรายงานตามวันที่กำหนด ต้องระบุวันที่ต้องรายงานอย่างน้อยหนึ่งวัน")
    if len(days) > MAX_REPORTS:
        raise ScheduleError(f"วันที่ต้องรายงานมากเกิน {MAX_REPORTS} วัน")
    outside = [d for d in days if not starts_on <= d <= ends_on]
    if outside:
        raise ScheduleError(f"วันที่ต้องรายงาน {shown_date(outside[0])} อยู่นอกช่วงเริ่ม–สิ้นสุดของภารกิจ")
    found, start = [], starts_on
    for day in days:
        found.append(Slot(len(found) + 1, dated_label(len(found) + 1, day), start, day, day))
        start = day + dt.timedelta(days=1)
    return found


def dated_label(seq: int, day: dt.date) -> str:
    return f"ครั้งที่ {seq} ({shown_date(day)})"
