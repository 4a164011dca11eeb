"""Helpers for the directory tests: CSV files built the way Excel writes them."""

import csv
import io

import pytest

THAI_HEADER = ["ชื่อหน่วยงาน", "อักษรย่อ", "สังกัด", "โทรศัพท์", "อีเมล", "ผู้ประสานงาน", "ตำแหน่ง",
               "อีเมลผู้ประสานงาน"]


def csv_text(rows, header=THAI_HEADER) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue()


@pytest.fixture
def make_csv():
    """make_csv(rows, encoding="utf-8", bom=False, header=...) -> bytes"""

    def make(rows, *, encoding="utf-8", bom=False, header=THAI_HEADER) -> bytes:
        data = csv_text(rows, header).encode(encoding)
        return (b"\xef\xbb\xbf" + data) if bom else data

    return make
