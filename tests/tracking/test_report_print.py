"""The performance report printed as the registers are (documents/render/table_print.py): Sarabun, BE dates,
the digits asked for, `- ๒ -` from page 2, the header row on every page and no row split between pages.
PRASAN_KEEP_PRINTS=DIR keeps the PDFs there to look at."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from prasan.documents.render import table_print

from .test_reports import NOVEMBER, dataset  # noqa: F401  (the small dataset and its month)

pytestmark = pytest.mark.django_db


def pages(pdf: bytes) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1]


def keep(name: str, pdf: bytes) -> None:
    folder = os.environ.get("PRASAN_KEEP_PRINTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(pdf)


def test_the_report_prints_in_thai_digits_with_be_dates_in_sarabun(dataset, login, users):  # noqa: F811
    client = login(users["head"])
    pdf = client.get(reverse("reports-export", args=["pdf"]), {"p": NOVEMBER, "digits": "thai"}).content
    keep("report-thai.pdf", pdf)
    text = "\n".join(pages(pdf))
    assert "พฤศจิกายน ๒๕๖๘" in text and "๖๖.๗%" in text and "จัดทำเมื่อ" in text
    assert not re.search(r"[0-9]", text.replace("%", ""))  # every figure in Thai digits
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Sarabun" in fonts


def test_a_long_table_repeats_its_header_splits_no_row_and_numbers_its_pages():
    rows = [[table_print.cell(f"หน่วยงานที่ {n} สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต {n % 7 + 1}",
                              thai_digits=True), table_print.cell(n, thai_digits=True),
             table_print.cell(f"{n * 3}.5%", thai_digits=True)] for n in range(1, 90)]
    pdf = table_print.render(title="รายงานทดสอบ", office=None, thai_digits=True, tables=[
        {"title": "ตามหน่วยงาน", "columns": ["หน่วยงาน", "จำนวนเรื่อง", "ร้อยละ"], "numeric": True, "rows": rows}])
    keep("table-long.pdf", pdf)
    texts = pages(pdf)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "จำนวนเรื่อง" in text  # the header row on every page
        first = re.sub(r"\s+", "", text.splitlines()[0])
        assert (first == f"-{'๐๑๒๓๔๕๖๗๘๙'[number]}-") == (number > 1)
    for n in range(1, 90):  # each row on exactly one page
        holding = [i for i, text in enumerate(texts) if re.search(rf"หน่วยงานที่ {_thai(n)} ", text)]
        assert len(holding) == 1, n


def _thai(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
