"""The cabinet's holiday list into the office table, and the deadlines that land on a new day off.

Lines read either `2026-01-02,วันหยุดพิเศษ` (ISO; a BE year such as 2569-01-02 is understood too),
`2/1/2569,วันหยุดพิเศษ`, or the way the announcement prints them: `๒ มกราคม ๒๕๖๙ วันหยุดพิเศษ`,
`วันศุกร์ที่ 2 ม.ค. 2569 วันหยุดพิเศษ`. An import is all or nothing.

Deadlines: a deadline that falls on a newly added day off moves to the next working day (as a
period whose last day is a holiday ends on the next working day); removing a holiday moves
nothing back. Each move is appended to the matter's log and audited.
"""

import csv
import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from prasan.audit.models import record
from prasan.coordination.models import AgencyRequest
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter, Transition
from prasan.thai.date_input import MONTH_NAMES, DateInputError, parse_date
from prasan.thai.dates import BE_OFFSET, thai_date
from prasan.thai.digits import to_arabic

from .calendar import WorkingCalendar
from .models import Holiday

MAX_NAME = 200
MAX_LINES = 500
FORMAT_HINT = "ใช้รูปแบบ 2569-01-02,ชื่อวันหยุด หรือ 2 มกราคม 2569 ชื่อวันหยุด"
OPEN_REQUESTS = (AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED)
DEADLINES = (("internal_deadline", "กำหนดภายใน"), ("external_deadline", "กำหนดส่ง (ภายนอก)"))

_WEEKDAY = r"(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*(?:ที่)?\s*)?"
_SEP = r"(?:\s*[,;\t]\s*|\s+)"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:" + _SEP + r"(.*))?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:" + _SEP + r"(.*))?$")
_THAI = re.compile(r"^" + _WEEKDAY + r"(\d{1,2})\s*([^\s\d,;]+)\s*(?:พ\.\s*ศ\.\s*)?(\d{4})" + _SEP + r"?(.*)$")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


@dataclass(frozen=True)
class HolidayEntry:
    date: dt.date
    name: str
    is_working_day: bool = False
    source: str = Holiday.Source.CABINET
    line: int = 0


@dataclass
class Parsed:
    entries: list[HolidayEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _read(line: str) -> tuple[dt.date, str]:
    """One line → (date, name); raises ValueError with a Thai reason. The line is split here; the date
    is read by the one parser every page uses (prasan.thai.date_input)."""
    if match := _ISO.match(line):
        year, month, day, name = match.groups()
        text = f"{year}-{month}-{day}"
    elif match := _SLASHED.match(line):
        day, month, year, name = match.groups()
        text = f"{day}/{month}/{year}"
    elif match := _THAI.match(line):
        day, month_name, year, name = match.groups()
        if month_name.replace(".", "") not in MONTH_NAMES:
            raise ValueError(f"ไม่รู้จักชื่อเดือน “{month_name}”")
        text = f"{day} {month_name} {year}"
    else:
        raise ValueError(f"อ่านวันที่ไม่ได้ — {FORMAT_HINT}")
    try:
        date = parse_date(text)
    except DateInputError as exc:
        raise ValueError(str(exc)) from None
    if not 1960 <= date.year <= 2200:
        raise ValueError(f"ปี {date.year + BE_OFFSET} อยู่นอกช่วงที่รับได้")
    name = (name or "").strip().strip("\"'“”").strip()
    if not name:
        raise ValueError("ไม่มีชื่อวันหยุด")
    if len(name) > MAX_NAME:
        raise ValueError(f"ชื่อวันหยุดยาวเกิน {MAX_NAME} ตัวอักษร")
    return date, name


def _unquote(line: str) -> str:
    """A CSV row (quoted cells, empty trailing cells from Excel) as `date,name`."""
    if "," not in line and '"' not in line:
        return line
    cells = [cell.strip() for cell in next(csv.reader([line]), [])]
    while cells and not cells[-1]:
        cells.pop()
    return ",".join(cells)


def parse(text: str) -> Parsed:
    """Every line that names a day off; lines it cannot read are errors ("บรรทัดที่ n: …")."""
    result = Parsed()
    seen: dict[dt.date, int] = {}
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        result.errors.append(f"มีมากกว่า {MAX_LINES} บรรทัด กรุณาแบ่งนำเข้าทีละปี")
        return result
    first = True
    for number, raw in enumerate(lines, start=1):
        line = _unquote(to_arabic(_INVISIBLE.sub("", raw)).strip())
        if not line or line.startswith("#"):
            continue
        if first and not re.search(r"\d", line):
            first = False  # a header row such as "วันที่,ชื่อวันหยุด"
            continue
        first = False
        try:
            date, name = _read(line)
        except ValueError as error:
            result.errors.append(f"บรรทัดที่ {number}: {error}")
            continue
        if date in seen:
            result.errors.append(f"บรรทัดที่ {number}: {thai_date(date, thai_digits=False)} ซ้ำกับบรรทัดที่ {seen[date]}")
            continue
        seen[date] = number
        result.entries.append(HolidayEntry(date, name, line=number))
    if not result.entries and not result.errors:
        result.errors.append("ไม่พบรายการวันหยุดในข้อมูลที่นำเข้า")
    return result


@dataclass
class Applied:
    created: int = 0
    updated: int = 0
    new_days_off: dict = field(default_factory=dict)
    moved_matters: int = 0
    moved_requests: int = 0


def apply(entries: list[HolidayEntry], *, by) -> Applied:
    """Write the entries to the office table and move the open deadlines that land on a new day off."""
    result = Applied()
    with transaction.atomic():
        before = WorkingCalendar()
        was_working = {e.date: before.is_working_day(e.date) for e in entries}
        for entry in entries:
            holiday, created = Holiday.objects.update_or_create(date=entry.date, defaults={
                "name": entry.name, "source": entry.source, "is_working_day": entry.is_working_day,
            })
            result.created += created
            result.updated += not created
            record(by, "holiday.add" if created else "holiday.change", holiday, date=entry.date, name=entry.name,
                   source=entry.source, is_working_day=entry.is_working_day)
        after = WorkingCalendar()
        result.new_days_off = {
            e.date: e.name for e in entries if was_working[e.date] and not after.is_working_day(e.date)
        }
        if result.new_days_off:
            result.moved_matters = _move_matters(result.new_days_off, after, by)
            result.moved_requests = _move_requests(result.new_days_off, after, by)
    return result


def remove(holiday: Holiday, *, by) -> None:
    """Delete an office table row. Deadlines already moved stay where they are."""
    with transaction.atomic():
        record(by, "holiday.remove", holiday, date=holiday.date, name=holiday.name,
               is_working_day=holiday.is_working_day)
        holiday.delete()


def _sentence(what: str, old: dt.date, new: dt.date, reason: str) -> str:
    return (f"เลื่อน{what}จาก {thai_date(old, thai_digits=False)} เป็น {thai_date(new, thai_digits=False)} "
            f"เนื่องจาก{reason}")


def _move_matters(days_off: dict[dt.date, str], calendar: WorkingCalendar, by) -> int:
    days = list(days_off)
    matters = (Matter.objects.select_for_update(of=("self",)).filter(state__in=OPEN_STATES)
               .filter(Q(internal_deadline__in=days) | Q(external_deadline__in=days)).order_by("pk"))
    count = 0
    for matter in matters:
        sentences, changes = [], {}
        for name, label in DEADLINES:
            old = getattr(matter, name)
            if old in days_off:
                new = calendar.add_working_days(old, 1)
                setattr(matter, name, new)
                sentences.append(_sentence(label, old, new, days_off[old]))
                changes[name] = [old, new]
        matter.save(update_fields=[*changes, "updated_at"])
        message = " และ".join(sentences)
        Transition.objects.create(matter=matter, by=by, event="deadline_changed", from_state=matter.state,
                                  to_state=matter.state, message=message)
        record(by, "matter.deadline_changed", matter, changes=changes, message=message)
        count += 1
    return count


def _move_requests(days_off: dict[dt.date, str], calendar: WorkingCalendar, by) -> int:
    requests = (AgencyRequest.objects.select_for_update(of=("self",)).select_related("agency", "matter")
                .filter(status__in=OPEN_REQUESTS, deadline__in=list(days_off)).order_by("pk"))
    count = 0
    for request in requests:
        old = request.deadline
        request.deadline = calendar.add_working_days(old, 1)
        request.save(update_fields=["deadline"])
        message = _sentence(f"กำหนดส่งของคำขอถึง{request.agency.name}", old, request.deadline, days_off[old])
        matter = request.matter
        Transition.objects.create(matter=matter, by=by, event="deadline_changed", from_state=matter.state,
                                  to_state=matter.state, message=message)
        record(by, "agency_request.deadline_changed", request, matter=matter.pk, old=old, new=request.deadline,
               message=message)
        count += 1
    return count
