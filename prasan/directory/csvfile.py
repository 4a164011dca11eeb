"""Reading an agency CSV as Excel writes it: UTF-8 (with or without BOM), UTF-16, or Thai Windows cp874."""

import csv
import io
import re

# Each column the import understands, with the headers accepted for it (Thai first: the template uses it).
COLUMNS = {
    "name": ("ชื่อหน่วยงาน", "name", "หน่วยงาน", "agency"),
    "abbreviation": ("อักษรย่อ", "abbreviation", "ชื่อย่อ", "abbr"),
    "parent": ("สังกัด", "parent"),
    "phone": ("โทรศัพท์", "phone", "โทร", "เบอร์โทรศัพท์", "tel"),
    "fax": ("โทรสาร", "fax", "แฟกซ์"),
    "email": ("อีเมล", "email", "อีเมล์", "e-mail"),
    "line_id": ("LINE", "line_id", "line", "ไลน์", "line id"),
    "address": ("ที่อยู่", "address"),
    "contact_name": ("ผู้ประสานงาน", "contact_name", "ชื่อผู้ประสานงาน", "contact"),
    "contact_position": ("ตำแหน่ง", "contact_position", "ตำแหน่งผู้ประสานงาน", "position"),
    "contact_phone": ("โทรศัพท์ผู้ประสานงาน", "contact_phone", "โทรผู้ประสานงาน"),
    "contact_email": ("อีเมลผู้ประสานงาน", "contact_email", "อีเมล์ผู้ประสานงาน"),
}
TEMPLATE_HEADERS = [headers[0] for headers in COLUMNS.values()]

# What a renamed file usually really is, so the message can say what to do.
_NOT_CSV = (
    (b"%PDF-", "ไฟล์นี้เป็น PDF ไม่ใช่ CSV"),
    (b"PK\x03\x04", "ไฟล์นี้เป็นไฟล์ Excel (.xlsx) หรือไฟล์บีบอัด ไม่ใช่ CSV — ใน Excel เลือก "
                    "บันทึกเป็น “CSV UTF-8 (คั่นด้วยจุลภาค)” แล้วนำเข้าไฟล์นั้น"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ไฟล์นี้เป็นไฟล์ Excel/Word รุ่นเก่า ไม่ใช่ CSV — ใน Excel เลือก "
                                          "บันทึกเป็น “CSV UTF-8 (คั่นด้วยจุลภาค)” แล้วนำเข้าไฟล์นั้น"),
    (b"\x89PNG", "ไฟล์นี้เป็นรูปภาพ ไม่ใช่ CSV"),
    (b"\xff\xd8\xff", "ไฟล์นี้เป็นรูปภาพ ไม่ใช่ CSV"),
)
# Control characters never found in a text CSV (tab, CR and LF are fine).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_TEXT = "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีข้อมูลไบนารี)"
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SPACES = re.compile(r"\s+")


class CsvFileError(ValueError):
    """The file as a whole cannot be read as a CSV; the message is Thai and says why."""


def decode(data: bytes) -> str:
    """The text of an uploaded CSV; Excel's UTF-8 BOM is dropped, Thai Windows files (cp874) detected."""
    if not data.strip():
        raise CsvFileError("ไฟล์ว่างเปล่า")
    for magic, message in _NOT_CSV:
        if data.startswith(magic):
            raise CsvFileError(message)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_as(data, "utf-16")
    elif b"\x00" in data:
        raise CsvFileError(NOT_TEXT)
    elif data.startswith(b"\xef\xbb\xbf"):
        text = _decode_as(data, "utf-8-sig")
    else:
        text = _utf8_or_cp874(data)
    if _CONTROL_CHARS.search(text):
        raise CsvFileError(NOT_TEXT)
    return text


def _utf8_or_cp874(data: bytes) -> str:
    # Thai Windows Excel saves "CSV (Comma delimited)" in cp874 (a superset of TIS-620).
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_as(data, "cp874")
    # Some cp874 byte runs are also valid UTF-8 (ยก → "¡", เกก → "ࡡ"): non-ASCII text with no Thai
    # at all, which reads as Thai in cp874, means the file was cp874 after all.
    if _THAI.search(text) is None and not text.isascii():
        try:
            thai = data.decode("cp874")
        except UnicodeDecodeError:
            return text
        if _THAI.search(thai):
            return thai
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise CsvFileError(
            "อ่านไฟล์ไม่ได้ ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV ที่เข้ารหัส UTF-8 หรือ TIS-620 (Windows-874)"
        ) from None


def read_input(source) -> str:
    """Text from a str, bytes, or an open file (binary or text)."""
    if hasattr(source, "read"):
        if hasattr(source, "seek"):
            source.seek(0)
        source = source.read()
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode(bytes(source))
    text = str(source)
    if _CONTROL_CHARS.search(text):
        raise CsvFileError(NOT_TEXT)
    return text.removeprefix("\ufeff")


def clean(value: str | None) -> str:
    """A cell as the user meant it: outer spaces dropped, runs of spaces made one; digits kept as written."""
    return _SPACES.sub(" ", value or "").strip()


def _header_key(header: str) -> str:
    return clean(header).lower().replace("_", " ")


_ALIASES = {_header_key(alias): field for field, aliases in COLUMNS.items() for alias in aliases}


def rows(text: str):
    """(columns, errors, records): columns maps field → index; records are (row number, cells) — header is row 1."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        return {}, [(1, f"อ่านแถวหัวตารางไม่ได้ ({exc})")], []
    columns: dict[str, int] = {}
    errors: list[tuple[int, str]] = []
    for index, title in enumerate(header):
        if not clean(title):
            continue
        field = _ALIASES.get(_header_key(title))
        if field is None:
            errors.append((1, f"ไม่รู้จักคอลัมน์ \"{clean(title)}\""))
        elif field in columns:
            errors.append((1, f"คอลัมน์ \"{clean(title)}\" ซ้ำกัน"))
        else:
            columns[field] = index
    if "name" not in columns:
        errors.append((1, "ไม่พบคอลัมน์ \"ชื่อหน่วยงาน\" (name) ในแถวหัวตาราง"))
    return columns, errors, _records(reader)


def _records(reader):
    # Row numbers count records, as Excel numbers rows (a quoted address may span lines).
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield number, None, f"อ่านแถวนี้ไม่ได้ ({exc})"
            return
        yield number, cells, ""
