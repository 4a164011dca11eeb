"""Filing an export's rows as complaints: each row whole or not at all, rows already imported skipped, rows that
cannot be filed listed with their Thai reasons; progress reported as it goes; one audit event for the import."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from prasan.audit.models import record

from ..models import Category, Complaint, Policy
from ..services import file_complaint
from .systems import CONVERTERS, SYSTEMS, Row, System, detect
from .tables import Table, TableError


@dataclass
class Report:
    system: System
    rows: int
    created: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reference, complaint number)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # already imported
    refused: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (row, reference, reasons)


def system_of(table: Table) -> System:
    system = detect(table.header)
    if system is None:
        expected = " / ".join(f"{s.label}: {', '.join(s.columns[f][0] for f in s.identifying)}" for s in SYSTEMS)
        raise TableError(f"ไม่รู้จักรูปแบบไฟล์นี้ แถวแรกต้องเป็นหัวตารางของระบบที่ส่งออก ({expected})")
    return system


def import_table(office, table: Table, *, by, progress: Callable[[int, int], None] | None = None,
                 dry_run: bool = False) -> Report:
    system = system_of(table)
    columns = system.header_fields(table.header)
    convert = CONVERTERS[system.channel]
    report = Report(system, len(table.rows))
    ready, first_row = [], {}
    for number, cells in table.rows:
        values, reasons = convert(Row(cells, columns))
        ref = values["channel_ref"] if values else Row(cells, columns).text("ref")
        if values and ref in first_row:
            reasons = [f"เลขที่เรื่อง {ref} ซ้ำกับแถวที่ {first_row[ref]} ในไฟล์เดียวกัน"]
        if reasons:
            report.refused.append((number, ref, reasons))
            continue
        first_row[ref] = number
        ready.append((number, values))
    known = set(Complaint.objects.filter(office=office, channel=system.channel,
                                         channel_ref__in=[v["channel_ref"] for _, v in ready])
                .values_list("channel_ref", flat=True))
    Policy.of(office)  # seeds the office's categories on first use
    categories = {c.name: c for c in Category.objects.filter(office=office, active=True)}
    for done, (number, values) in enumerate(ready, start=1):
        ref = values["channel_ref"]
        if ref in known:
            report.skipped.append((number, ref))
        elif dry_run:
            report.created.append((number, ref, ""))
        else:
            _file(office, system, number, values, categories, by, report)
        if progress:
            progress(done, len(ready))
    if not dry_run and (report.created or report.refused):
        record(by, "complaints.import", ("complaints.complaint", "import"), system=system.channel,
               rows=report.rows, created=len(report.created), skipped=len(report.skipped),
               refused=[(number, ref) for number, ref, _ in report.refused][:500])
    return report


def _file(office, system, number, values, categories, by, report) -> None:
    values = dict(values)
    category = categories.get(values.pop("category_name"))
    try:
        complaint = file_complaint(office, channel=system.channel, category=category, by=by, **values)
    except ValidationError as error:
        report.refused.append((number, values["channel_ref"], _messages(error)))
    except IntegrityError:  # imported meanwhile by someone else: the same as already imported
        report.skipped.append((number, values["channel_ref"]))
    else:
        report.created.append((number, values["channel_ref"], complaint.number))


_FIELD_LABELS = {"complainant_email": "อีเมลผู้ร้อง", "complainant_phone": "โทรศัพท์ผู้ร้อง", "subject": "เรื่อง",
                 "channel_ref": "เลขที่เรื่อง", "complainant.name": "ชื่อผู้ร้อง", "complainant.address": "ที่อยู่ผู้ร้อง",
                 "complainant.phone": "โทรศัพท์ผู้ร้อง", "complainant.email": "อีเมลผู้ร้อง"}


def _messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "message_dict"):
        return list(error.messages)
    return [f"{_FIELD_LABELS.get(name, name)}: {message}" for name, messages in error.message_dict.items()
            for message in messages]
