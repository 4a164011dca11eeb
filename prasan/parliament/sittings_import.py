"""Sitting days from a CSV (the Secretariat's calendar as the office types or exports it), all or nothing.

Columns, by header: สภา (สภาผู้แทนราษฎร / ส.ส. / วุฒิสภา / ส.ว., or house / senate), วันที่ (as every page reads
dates: 7 ธ.ค. 2569, 7/12/2569, 2026-12-07), การประชุม (optional: "การประชุมสภาผู้แทนราษฎร ครั้งที่ ๑๒"),
หมายเหตุ (optional). Each day must fall within a session already kept; a house and day already there is
updated, not doubled, so importing the same file again changes nothing.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction

from prasan.audit.models import record
from prasan.thai.date_input import DateInputError, parse_date
from prasan.thai.text import comparable

from .choices import House
from .models import Session, Sitting

MAX_ROWS = 1000
HEADERS = {
    "house": ("สภา", "house"),
    "date": ("วันที่", "วันประชุม", "date"),
    "title": ("การประชุม", "ชื่อการประชุม", "title"),
    "note": ("หมายเหตุ", "note"),
}
HOUSES = {comparable(name): code for code, names in {
    House.HOUSE: ("สภาผู้แทนราษฎร", "ส.ส.", "สส", "สภาผู้แทน", "house"),
    House.SENATE: ("วุฒิสภา", "ส.ว.", "สว", "senate"),
}.items() for name in names}
TEMPLATE = "สภา,วันที่,การประชุม,หมายเหตุ\nสภาผู้แทนราษฎร,7 ม.ค. 2570,การประชุมสภาผู้แทนราษฎร ครั้งที่ 12,\n"


@dataclass(frozen=True)
class Entry:
    line: int
    house: str
    date: dt.date
    title: str
    note: str
    session: Session


@dataclass
class Parsed:
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, name in enumerate(header):
        key = comparable(name)
        for column, names in HEADERS.items():
            if key in {comparable(n) for n in names}:
                found.setdefault(column, index)
    return found


def parse(text: str) -> Parsed:
    result = Parsed()
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        result.errors.append("ไม่มีข้อมูล")
        return result
    columns = _columns(rows[0])
    missing = [HEADERS[c][0] for c in ("house", "date") if c not in columns]
    if missing:
        result.errors.append(f"บรรทัดหัวตารางต้องมีคอลัมน์ {' และ '.join(missing)} (ตัวอย่าง: {TEMPLATE.splitlines()[0]})")
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.errors.append(f"นำเข้าได้ครั้งละไม่เกิน {MAX_ROWS} วัน")
        return result
    sessions = list(Session.objects.order_by("starts_on"))
    seen = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column, row=row):
            index = columns.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        house = HOUSES.get(comparable(cell("house")))
        if house is None:
            result.errors.append(f"บรรทัด {number}: ไม่รู้จักสภา “{cell('house')}” (ใช้ สภาผู้แทนราษฎร หรือ วุฒิสภา)")
            continue
        try:
            day = parse_date(cell("date"))
        except DateInputError as exc:
            result.errors.append(f"บรรทัด {number}: {exc}")
            continue
        if day is None:
            result.errors.append(f"บรรทัด {number}: ไม่มีวันที่")
            continue
        session = next((s for s in sessions if s.covers(day)), None)
        if session is None:
            result.errors.append(f"บรรทัด {number}: วันที่ {cell('date')} ไม่อยู่ในสมัยประชุมใดที่บันทึกไว้ "
                                 "(เพิ่มสมัยประชุมในหน้าตั้งค่าก่อน)")
            continue
        if (house, day) in seen:
            result.errors.append(f"บรรทัด {number}: สภาและวันที่นี้ซ้ำกับบรรทัดก่อนหน้า")
            continue
        seen.add((house, day))
        result.entries.append(Entry(number, house, day, cell("title")[:200], cell("note")[:300], session))
    return result


def apply(entries: list[Entry], *, by) -> tuple[int, int]:
    """Save the days (new ones added, known ones updated); (added, updated). One audit event for the import."""
    added = updated = 0
    with transaction.atomic():
        for entry in entries:
            sitting, created = Sitting.objects.update_or_create(
                house=entry.house, date=entry.date,
                defaults={"session": entry.session, "title": entry.title, "note": entry.note})
            added += created
            updated += not created
        record(by, "parliament_sittings.import", ("parliament.sitting", "import"), added=added, updated=updated,
               days=[e.date for e in entries][:MAX_ROWS])
    return added, updated
