"""The matter list as a spreadsheet: the current filter's rows as CSV (streamed) or XLSX, Thai headers,
Buddhist-era dates (text in the CSV, real date cells in a BE number format in the XLSX)."""

import csv
import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils import timezone

from prasan import hygiene
from prasan.thai.dates import shown_date
from prasan.thai.spreadsheet import date_format

from .queries import list_queryset

MAX_ROWS = 50_000
CHUNK = 2_000
HEADERS = ["เลขเรื่อง", "เรื่อง", "ประเภทภารกิจ", "สถานะ", "ชั้นความเร็ว", "ชั้นความลับ", "กลุ่มงาน", "ผู้รับผิดชอบ",
           "กำหนดส่ง", "กำหนดภายใน", "วันที่รับเรื่อง"]
WIDTHS = [14, 60, 30, 16, 12, 12, 28, 30, 14, 14, 14]


def _text(value) -> str:
    return shown_date(value) if isinstance(value, dt.date) else value


def row(matter) -> list:
    """The matter's cells; dates stay dates until the CSV or the XLSX writes them."""
    return [
        matter.number, matter.title, matter.get_duty_type_display(), matter.get_state_display(),
        matter.get_urgency_display(), matter.get_secrecy_display(),
        matter.owner_unit.name if matter.owner_unit else "",
        ", ".join(sorted(a.display_name for a in matter.assignees.all())),  # one order on every database
        matter.external_deadline, matter.internal_deadline, timezone.localtime(matter.created_at).date(),
    ]


def rows(qs) -> Iterator[list]:
    """At most MAX_ROWS rows, read in chunks so memory stays flat; assignees prefetched per chunk."""
    for matter in list_queryset(qs)[:MAX_ROWS].iterator(chunk_size=CHUNK):
        yield row(matter)


class _Line:
    """A file-like object whose write() hands back the line csv.writer produced."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(qs) -> Iterator[bytes]:
    """The CSV, piece by piece: a UTF-8 BOM first so Excel opens the Thai text as UTF-8."""
    writer = csv.writer(_Line())
    yield ("\ufeff" + writer.writerow(HEADERS)).encode("utf-8")
    batch: list[str] = []
    for cells in rows(qs):
        batch.append(writer.writerow(hygiene.csv_row([_text(c) for c in cells])))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def to_xlsx(title: str, lines: Iterable[list], out) -> None:
    """Write the workbook to `out` in openpyxl's write-only mode: rows stream to disk, not memory."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("เรื่อง")
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A3"
    sheet.append([hygiene.xlsx_cell(sheet, title, font=Font(name="TH Sarabun New", bold=True, size=16))])
    sheet.append(hygiene.xlsx_row(sheet, HEADERS, font=Font(name="TH Sarabun New", bold=True, size=14)))
    dates = date_format()
    for cells in lines:
        sheet.append([_cell(sheet, c, dates) for c in cells])
    book.save(out)


def _cell(sheet, value, dates: str):
    """A date as a date cell; text typed as text, so a title `=HYPERLINK(…)` is shown, never run, and
    characters XML cannot hold (rows older than the input rule) are dropped instead of failing the export."""
    if isinstance(value, dt.date):
        return hygiene.xlsx_cell(sheet, value, number_format=dates)
    return hygiene.xlsx_cell(sheet, value)
