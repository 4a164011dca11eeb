"""The register printed as the office files it: Sarabun, Buddhist-era dates in the office's document digits,
the header row on every page, no entry split between two pages, names and numbers never broken across
lines, `- ๒ -` at the top from page 2, and a secret register marked at the top and bottom of every page.
PRASAN_KEEP_PRINTS=DIR keeps the PDFs there to look at."""

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from django.urls import reverse

from prasan.correspondence import exports, numbering
from prasan.correspondence.models import RegisterEntry
from prasan.thai.preferences import clear

pytestmark = pytest.mark.django_db

SENDERS = ["นายสมศักดิ์ ฤทธิ์ศักดิ์ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑",
           "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "นางสาวราชวัลลภ ศรีสวัสดิ์"]


def _entries(office, users, count=40, **fields):
    made = []
    for n in range(count):
        made.append(numbering.register_entry(
            office, "incoming", by=users["registrar"], duplicate_ok=True,
            subject=f"ขอความอนุเคราะห์ข้อมูลอัตรากำลังครูผู้ช่วยในสถานศึกษาขนาดเล็กที่ขาดแคลนครู ครั้งที่ {n + 1} "
                    "เพื่อประกอบการพิจารณาจัดสรรอัตราว่างจากการเกษียณอายุราชการ ปีงบประมาณ พ.ศ. ๒๕๗๐",
            sender=SENDERS[n % 3], recipient="รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
            doc_number=f"ศธ 04009/{4500 + n}", letter_date=dt.date(2026, 11, 18), action="เสนอ รมว.ศธ.",
            **fields))
    return made


def pages(pdf: bytes) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def keep(name: str, pdf: bytes) -> None:
    folder = os.environ.get("PRASAN_KEEP_PRINTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(pdf)


@pytest.fixture(autouse=True)
def _fresh_digits():
    clear()
    yield
    clear()


def test_a_register_of_many_pages_prints_as_the_office_files_it(office, users):
    entries = _entries(office, users)
    pdf = exports.to_pdf("incoming", "ทะเบียนหนังสือรับ", office, RegisterEntry.objects.order_by("number"))
    keep("register-incoming.pdf", pdf)
    texts = pages(pdf)
    assert len(texts) >= 3 and len(pypdfium2.PdfDocument(pdf)) == len(texts)
    for number, text in enumerate(texts, start=1):
        assert "หมายเหตุ" in text and "วันเวลาที่รับ" in text  # the header row on every page
        thai_number = "๐๑๒๓๔๕๖๗๘๙"[number] if number < 10 else None
        if number == 1:
            assert not re.search(r"-\s*[๐-๙]+\s*-", text.splitlines()[0])
        elif thai_number:
            assert f"-{thai_number}-" in squeeze(text.splitlines()[0])  # `- ๒ -` at the top from page 2
    # No entry split between two pages: each one's number, ที่ and subject on one page.
    for entry in entries:
        number = squeeze(exports.to_thai(f"ศธ 04009/{entry.doc_number.split('/')[1]}"))
        holding = [n for n, text in enumerate(texts) if number in squeeze(text)]
        assert len(holding) == 1, (entry.number, holding)
        assert squeeze(exports.to_thai(f"ครั้งที่ {entry.number}")) in squeeze(texts[holding[0]])
    everything = "\n".join(texts)
    assert "๑๘ พ.ย. ๒๕๖๙" in everything  # Buddhist era, the office's document digits (Thai)
    # A name too wide for its column breaks between given name and surname, never inside either.
    words = everything.split()
    assert {"นายสมศักดิ์", "ฤทธิ์ศักดิ์", "นางสาวราชวัลลภ", "ศรีสวัสดิ์"} <= set(words)
    assert not {"ฤทธิ์", "ศักดิ์", "ราช", "วัลลภ"} & set(words)
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Sarabun" in fonts


def test_a_register_holding_a_secret_entry_is_marked_on_every_page_top_and_bottom(office, users):
    _entries(office, users, count=30)
    _entries(office, users, count=1, secrecy=2)
    pdf = exports.to_pdf("incoming", "ทะเบียนหนังสือรับ", office, RegisterEntry.objects.order_by("number"))
    keep("register-secret.pdf", pdf)
    texts = pages(pdf)
    assert len(texts) >= 2
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == "ลับมาก" and lines[-1] == "ลับมาก"


def test_arabic_digits_when_the_office_prints_its_documents_so(office, users):
    office.document_digits = "arabic"
    office.save()
    clear()
    _entries(office, users, count=30)
    texts = pages(exports.to_pdf("incoming", "ทะเบียนหนังสือรับ", office, RegisterEntry.objects.all()))
    assert "18 พ.ย. 2569" in texts[0] and squeeze(texts[1].splitlines()[0]) == "-2-"


def test_the_export_page_prints_the_register_the_user_may_read(login, users, office):
    _entries(office, users, count=3)
    response = login(users["registrar"]).get(reverse("register-export", args=["incoming", "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "ศธ๐๔๐๐๙/๔๕๐๒" in squeeze("".join(pages(response.content)))
