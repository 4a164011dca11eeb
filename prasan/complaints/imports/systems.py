"""What each system's export holds, column by column, and how a row becomes a complaint (file_complaint's keywords)
or a list of Thai reasons it cannot.

1111 (ศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล, สำนักงานปลัดสำนักนายกรัฐมนตรี): the officer's export of cases sent to
the agency — the case code, when it was received and by which of 1111's own channels, its objective and type, the
summary and detail, where it happened, whether the complainant asked to be kept secret, the complainant's name and
contact, the agency responsible and the status. The layout is built from the fields 1111's officer web service
returns (case_code, date_opened, objective, type, summary, detail, case_area, is_secret, customer name and contact);
the header texts are this system's Thai labels as an officer would see them, not copied from a real export.
The citizen ID number the export may carry is never imported: the office needs it for nothing (PDPA, data
minimisation).

Traffy Fondue (NECTEC): the columns of its exchange API's CSV download (download-issues v2), in its order:
ticket_id, type, organization, description, photo, latitude, longitude, address, subdistrict, district, province,
timestamp, photo_after, timestamp_inprogress, timestamp_finished, org_finished, status, confirmed, star,
count_reopen, last_activity; the older public dataset's names (comment, coords, state) are read too. A report
carries no reporter's identity, so the complaint is followed on Traffy Fondue and the status page only.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

from prasan.thai.date_input import DateInputError, parse_date
from prasan.thai.digits import to_arabic

from ..choices import Channel


@dataclass(frozen=True)
class System:
    channel: str
    label: str
    columns: dict  # field → the headers accepted for it (the first is the one the sample file uses)
    identifying: tuple  # fields whose headers must all be present for a file to be this system's

    def header_fields(self, header: list[str]) -> dict[str, int]:
        found = {}
        for index, title in enumerate(header):
            key = _key(title)
            for field, names in self.columns.items():
                if key in {_key(name) for name in names}:
                    found.setdefault(field, index)
        return found


HOTLINE = System(
    channel=Channel.HOTLINE_1111, label="ศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล 1111",
    columns={
        "ref": ("เลขที่เรื่อง", "รหัสเรื่อง", "รหัส", "case_code", "case_id"),
        "received": ("วันที่รับเรื่อง", "วันที่รับแจ้ง", "date_opened"),
        "via": ("ช่องทางการรับเรื่อง", "ช่องทาง", "channel"),
        "objective": ("วัตถุประสงค์", "objective"),
        "type": ("ประเภทเรื่อง", "type"),
        "subject": ("เรื่อง", "สาระสำคัญ", "summary"),
        "details": ("รายละเอียด", "detail"),
        "place": ("สถานที่เกิดเหตุ", "case_area"),
        "subdistrict": ("ตำบล/แขวง", "ตำบล"),
        "district": ("อำเภอ/เขต", "อำเภอ"),
        "province": ("จังหวัด", "province"),
        "about": ("ผู้ถูกร้อง/หน่วยงานที่ถูกร้อง", "ผู้ถูกร้อง"),
        "secret": ("ปกปิดชื่อผู้ร้อง", "ปกปิดข้อมูลผู้ร้อง", "is_secret"),
        "title": ("คำนำหน้าชื่อ", "คำนำหน้า"),
        "first_name": ("ชื่อผู้ร้อง", "ชื่อ"),
        "last_name": ("นามสกุลผู้ร้อง", "นามสกุล"),
        "citizen_id": ("เลขประจำตัวประชาชน",),
        "phone": ("โทรศัพท์ผู้ร้อง", "โทรศัพท์", "เบอร์โทรศัพท์"),
        "email": ("อีเมลผู้ร้อง", "อีเมล"),
        "address": ("ที่อยู่ผู้ร้อง", "ที่อยู่"),
        "agency": ("หน่วยงานที่รับผิดชอบ",),
        "status": ("สถานะเรื่อง", "สถานะ"),
    },
    identifying=("ref", "received", "subject"),
)

TRAFFY = System(
    channel=Channel.TRAFFY_FONDUE, label="Traffy Fondue",
    columns={
        "ref": ("ticket_id",), "type": ("type",), "organization": ("organization",),
        "details": ("description", "comment"), "photo": ("photo",), "latitude": ("latitude",),
        "longitude": ("longitude",), "coords": ("coords",), "address": ("address",),
        "subdistrict": ("subdistrict",), "district": ("district",), "province": ("province",),
        "received": ("timestamp",), "status": ("status", "state"), "last_activity": ("last_activity",),
    },
    identifying=("ref", "received", "details"),
)

SYSTEMS = (HOTLINE, TRAFFY)
_SECRET_YES = {"ใช่", "ปกปิด", "t", "true", "y", "yes", "1", "✓"}
_REF = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-/.]{0,99}$")


def _key(title) -> str:
    return re.sub(r"\s+", "", str(title)).lower().lstrip("\ufeff")


def detect(header: list[str]) -> System | None:
    for system in SYSTEMS:
        found = system.header_fields(header)
        if all(field in found for field in system.identifying):
            return system
    return None


class Row:
    """One row's cells by field, as text (dates kept as dates)."""

    def __init__(self, cells: list, columns: dict[str, int]):
        self.cells, self.columns = cells, columns

    def raw(self, field: str):
        index = self.columns.get(field)
        return self.cells[index] if index is not None and index < len(self.cells) else ""

    def text(self, field: str) -> str:
        value = self.raw(field)
        return re.sub(r"[ \t]+", " ", str(value)).strip() if isinstance(value, str) else str(value)


def received_at(value, now: dt.datetime | None = None) -> dt.datetime:
    """When the system received it: a date cell, ISO (2026-08-20 22:25:37.433959), or Thai (7/12/2569 09:15)."""
    now = now or timezone.now()
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time(9, 0))
    else:
        text = to_arabic(str(value or "")).strip()
        if not text:
            raise ValueError("ไม่มีวันที่รับเรื่อง")
        try:
            moment = dt.datetime.fromisoformat(text.replace("/", "-") if re.match(r"^\d{4}/", text) else text)
        except ValueError:
            moment = _thai_moment(text)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > now + dt.timedelta(days=1):
        raise ValueError(f"วันที่รับเรื่อง {value} อยู่ในอนาคต")
    return moment


def _thai_moment(text: str) -> dt.datetime:
    match = re.match(r"^(?P<day>.+?)(?:\s+(?:เวลา\s*)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.]\d{2})?\s*(?:น\.?)?)?$", text)
    try:
        day = parse_date(match["day"] if match else text)
    except DateInputError as error:
        raise ValueError(f"วันที่รับเรื่อง: {error}") from None
    hour, minute = (int(match["h"]), int(match["m"])) if match and match["h"] else (9, 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"เวลารับเรื่อง {match['h']}.{match['m']} ไม่มีจริง")
    return dt.datetime.combine(day, dt.time(hour, minute))


def _reference(row: Row, reasons: list[str]) -> str:
    ref = row.text("ref")
    if not ref:
        reasons.append("ไม่มีเลขที่เรื่อง")
    elif not _REF.match(ref):
        reasons.append(f"เลขที่เรื่อง “{ref[:40]}” ไม่ใช่รูปแบบเลขที่เรื่อง (ตัวเลข ตัวอักษรอังกฤษ - / .)")
    return ref


def _moment(row: Row, reasons: list[str]):
    try:
        return received_at(row.raw("received"))
    except ValueError as error:
        reasons.append(str(error))
        return None


def _lines(*pairs) -> str:
    return "\n".join(f"{label}: {value}" if label else value for label, value in pairs if value)


def from_hotline(row: Row) -> tuple[dict | None, list[str]]:
    reasons: list[str] = []
    ref = _reference(row, reasons)
    moment = _moment(row, reasons)
    subject, details = row.text("subject"), str(row.raw("details") or "").strip()
    if not subject and not details:
        reasons.append("ไม่มีเรื่องและรายละเอียด")
    if reasons:
        return None, reasons
    name = " ".join(part for part in (row.text("title") + row.text("first_name"), row.text("last_name")) if part)
    secret = row.text("secret").lower() in _SECRET_YES
    place = ", ".join(p for p in (row.text("place"), row.text("subdistrict")) if p)
    return {
        "channel_ref": ref, "received_at": moment, "subject": (subject or details.splitlines()[0])[:500],
        "details": _lines(("", details), ("สถานที่เกิดเหตุ", place), ("ช่องทางที่ 1111 รับเรื่อง", row.text("via")),
                          ("วัตถุประสงค์", row.text("objective")), ("ประเภทเรื่องตามระบบ 1111", row.text("type")),
                          ("หน่วยงานที่รับผิดชอบตามระบบ 1111", row.text("agency")),
                          ("สถานะในระบบ 1111", row.text("status"))),
        "about": row.text("about")[:300], "province": row.text("province")[:100],
        "district": row.text("district")[:100], "category_name": row.text("type"),
        "complainant": {"name": name, "phone": row.text("phone"), "email": row.text("email"),
                        "address": row.text("address"), "anonymous": secret},
    }, []


def from_traffy(row: Row) -> tuple[dict | None, list[str]]:
    reasons: list[str] = []
    ref = _reference(row, reasons)
    moment = _moment(row, reasons)
    details = str(row.raw("details") or "").strip()
    if not details:
        reasons.append("ไม่มีรายละเอียดของเรื่องที่แจ้ง (description)")
    if reasons:
        return None, reasons
    kind = row.text("type").strip("{}").replace(",", ", ")
    first = details.splitlines()[0].removeprefix("ปัญหา:").strip()
    coords = row.text("coords") or ", ".join(p for p in (row.text("latitude"), row.text("longitude")) if p)
    return {
        "channel_ref": ref, "received_at": moment,
        "subject": (f"{kind}: {first}" if kind else first)[:500],
        "details": _lines(("", details), ("ที่อยู่", row.text("address")), ("พิกัด", coords),
                          ("รูปภาพ", row.text("photo")), ("หน่วยงานใน Traffy Fondue", row.text("organization")),
                          ("สถานะใน Traffy Fondue", row.text("status"))),
        "about": "", "province": row.text("province").removeprefix("จังหวัด")[:100],
        "district": row.text("district")[:100], "category_name": "",
        "complainant": None,  # Traffy Fondue passes on no reporter's identity
    }, []


CONVERTERS = {HOTLINE.channel: from_hotline, TRAFFY.channel: from_traffy}
