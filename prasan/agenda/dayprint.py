"""The day sheet (กำหนดการประจำวัน): the minister's engagements of one day on A4, printed as the office's other
printouts are (documents/render: Sarabun embedded, an exact Thai text layer, lines broken between words only;
templates/prints), times as the office writes them (`๐๙.๐๐ น.`), digits by the office's document setting, and
the highest secrecy of what it holds marked at the top and bottom of every page."""

import datetime as dt
import re

from django.template.loader import render_to_string
from django.utils import timezone

from prasan.documents.render.table_print import cell
from prasan.matters.choices import Secrecy
from prasan.thai.dates import WEEKDAYS, thai_date
from prasan.thai.digits import to_thai
from prasan.thai.preferences import document_digits

from .choices import AgendaStatus

_GLUED_TIME = re.compile(r"([0-9\u0e50-\u0e59])\s+น\.")
# What the sheet holds: where the minister is expected, and who goes in his stead.
PRINTED = (AgendaStatus.INVITED, AgendaStatus.ACCEPTED, AgendaStatus.PREPARED, AgendaStatus.DONE,
           AgendaStatus.DELEGATED)


def clock(moment: dt.datetime, *, thai_digits: bool) -> str:
    text = f"{timezone.localtime(moment):%H.%M}"
    return to_thai(text) if thai_digits else text


def when(item, *, thai_digits: bool) -> str:
    """`๐๙.๐๐ – ๑๑.๓๐ น.`; an engagement running past the day says until when."""
    start, end = timezone.localtime(item.starts_at), timezone.localtime(item.ends_at)
    if end <= start:
        return f"{clock(start, thai_digits=thai_digits)} น."
    until = clock(end, thai_digits=thai_digits)
    if end.date() != start.date():
        until = f"{thai_date(end, abbr=True, thai_digits=thai_digits)} {until}"
    return f"{clock(start, thai_digits=thai_digits)} – {until} น."


def heading_day(day: dt.date, *, thai_digits: bool) -> str:
    return f"วัน{WEEKDAYS[day.weekday()]}ที่ {thai_date(day, thai_digits=thai_digits)}"


def rows(items, *, thai_digits: bool) -> list[dict]:
    def text(value: str) -> str:
        # A time keeps its "น." on its line (`๐๖.๑๐ น.`), as the office writes it.
        return cell(_GLUED_TIME.sub("\\1\u00a0น.", value), thai_digits=thai_digits)

    printed = []
    for item in items:
        details = [(label, "\n".join(text(line) for line in value.splitlines() if line.strip())) for label, value in (
            ("สถานที่", item.place), ("ผู้เชิญ", item.inviter), ("การแต่งกาย", item.dress),
            ("การเดินทาง", item.transport), ("ผู้ติดตาม", item.entourage),
        ) if value.strip()]
        status = ""
        if item.status == AgendaStatus.INVITED:
            status = "(ยังไม่ได้ตอบรับ)"
        elif item.status == AgendaStatus.DELEGATED:
            status = text(f"(มอบ {item.delegated_to} เป็นผู้แทน)")
        printed.append({
            "when": when(item, thai_digits=thai_digits), "kind": item.get_kind_display(), "title": text(item.title),
            "status": status, "details": details,
            "programme": [text(line) for line in item.programme.splitlines() if line.strip()],
            "secrecy": Secrecy(item.matter.secrecy).label if item.matter.secrecy else "",
        })
    return printed


def render(items, *, day: dt.date, office) -> bytes:
    """The PDF of `items` (the day's engagements the printing user may see, in time order)."""
    from prasan.documents.render.pdf import html_to_pdf

    thai_digits = document_digits() == "thai"
    items = [item for item in items if item.status in PRINTED]
    top = max((item.matter.secrecy for item in items), default=Secrecy.NORMAL)
    minister = office.minister_title.strip()
    if minister.startswith("รมว") and office.ministry:  # the title in full, as a heading names the minister
        minister = f"รัฐมนตรีว่าการ{office.ministry}"
    elif office.ministry:
        minister = f"{minister} {office.ministry}".strip()
    html = render_to_string("prints/agenda_day.html", {
        "title": "กำหนดการประจำวัน", "office": office, "minister": minister, "name": office.minister_name,
        "day": heading_day(day, thai_digits=thai_digits), "rows": rows(items, thai_digits=thai_digits),
        "secrecy": Secrecy(top).label if top else "", "thai_digits": thai_digits,
        "printed_at": thai_date(timezone.localdate(), thai_digits=thai_digits),
    })
    return html_to_pdf(html)
