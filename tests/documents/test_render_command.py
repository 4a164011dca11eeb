"""`prasan render FORM --data FIELDS.json --format pdf|docx -o OUT`."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

from prasan.documents.management.commands.render import Command

from .conftest import SAMPLES, pdf_text, squeeze

pytestmark = pytest.mark.django_db  # the office's settings fill the parts left blank


def render(*args):
    out = io.StringIO()
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_it_writes_a_pdf(tmp_path):
    target = tmp_path / "memo.pdf"
    message = render("office_memo", "--data", str(SAMPLES / "office_memo.json"), "--format",
                     "pdf", "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in message


def test_it_writes_a_docx_and_takes_the_format_from_the_file_name(tmp_path):
    target = tmp_path / "letter.docx"
    render("external_letter", "--data", str(SAMPLES / "external_letter.json"), "-o", str(target))
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "ขอข้อมูลอัตรากำลังครูในโรงเรียนขนาดเล็ก" in text


def test_it_lists_the_missing_parts_in_thai_and_writes_nothing(tmp_path):
    data = tmp_path / "fields.json"
    data.write_text(json.dumps({"subject": "ทดสอบ"}), encoding="utf-8")
    target = tmp_path / "out.pdf"
    with pytest.raises(CommandError) as caught:
        render("order", "--data", str(data), "-o", str(target))
    assert "ต้องระบุ “ส่วนราชการที่ออก”" in str(caught.value)
    assert "ต้องระบุ “ผู้ลงนาม”" in str(caught.value)
    assert not target.exists()


def test_it_explains_a_broken_json_file(tmp_path):
    data = tmp_path / "fields.json"
    data.write_text("{ไม่ใช่ json", encoding="utf-8")
    with pytest.raises(CommandError, match="ไม่ใช่ JSON"):
        render("order", "--data", str(data), "-o", str(tmp_path / "out.pdf"))


def test_a_part_left_blank_is_taken_from_the_office_settings(tmp_path, office):
    office.minister_title, office.minister_name = "รมว.ศธ.", "นายธีรภัทร วิชาการ"
    office.save()
    data = json.loads((SAMPLES / "summary_note.json").read_text(encoding="utf-8"))
    del data["to"]
    source = tmp_path / "fields.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "note.pdf"
    render("summary_note", "--data", str(source), "-o", str(target))
    assert "นำเสนอรมว.ศธ.(นายธีรภัทรวิชาการ)" in squeeze(pdf_text(target.read_bytes()))
