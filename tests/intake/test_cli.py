"""`prasan extract FILE` prints exactly the fields as JSON, or a Thai message and exit status 1."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from prasan.correspondence.intake.parse import FIELDS
from prasan.correspondence.management.commands.extract import Command

from .conftest import docx_bytes, pdf_bytes

ROOT = Path(__file__).resolve().parents[2]


def extract(path, capsys) -> dict:
    call_command(Command(), str(path))
    return json.loads(capsys.readouterr().out)


def test_it_prints_the_fields_of_a_text_letter(tmp_path, capsys, letter_text):
    path = tmp_path / "letter.txt"
    path.write_text(letter_text, encoding="utf-8")
    fields = extract(path, capsys)
    assert list(fields) == list(FIELDS)
    assert fields["urgency"] == "ด่วนที่สุด" and fields["reply_within_days"] == 7


def test_it_prints_the_fields_of_a_docx(tmp_path, capsys, letter_text):
    path = tmp_path / "letter.docx"
    path.write_bytes(docx_bytes(letter_text.split("\n")))
    assert extract(path, capsys)["signer"] == "นายวิทยา ศรีสุข"


def test_it_prints_the_fields_of_a_text_pdf(tmp_path, capsys, letter_text):
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf_bytes(letter_text.split("\n")))
    assert extract(path, capsys)["references"] == ["บันทึกสำนักงานรัฐมนตรี ที่ ศธ 0201.1/1234 ลงวันที่ 20 ตุลาคม 2569"]


def test_thai_is_printed_as_thai(tmp_path, capsys, letter_text):
    path = tmp_path / "letter.txt"
    path.write_text(letter_text, encoding="utf-8")
    call_command(Command(), str(path))
    out = capsys.readouterr().out
    assert "รัฐมนตรีว่าการกระทรวงศึกษาธิการ" in out and "\\u0e" not in out and out.startswith("{\n  ")


def test_it_exits_1_with_a_thai_message_for_a_lying_file(tmp_path, capsys):
    path = tmp_path / "letter.pdf"
    path.write_text("ไม่ใช่ PDF", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        call_command(Command(), str(path))
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "PDF" in captured.err and "ไม่รับ" in captured.err and captured.out == ""


def test_it_exits_1_for_a_missing_file(tmp_path, capsys):
    with pytest.raises(SystemExit):
        call_command(Command(), str(tmp_path / "nowhere.pdf"))
    assert "ไม่พบไฟล์" in capsys.readouterr().err


def test_the_prasan_command_runs_it(tmp_path, letter_text):
    path = tmp_path / "letter.txt"
    path.write_text(letter_text, encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "prasan.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "prasan.cli", "extract", str(path)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["doc_number"] == "ศธ 04006/3217"


def test_the_prasan_command_reads_a_file_without_loading_django(tmp_path, letter_text):
    """Issue 19: `prasan extract` starts in ≤ 2 s — the database layer and the apps are not loaded for it."""
    path = tmp_path / "letter.txt"
    path.write_text(letter_text, encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "prasan.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "prasan.cli", "extract", str(path)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout)["signer"] == "นายวิทยา ศรีสุข"
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "django.db.models" not in loaded and "django.apps" not in loaded
    assert "prasan.correspondence.intake.pipeline" in loaded


def test_the_secrecy_marks_the_parser_knows_are_the_registers():
    from prasan.correspondence.intake.fields.marks import SECRECIES
    from prasan.matters.choices import SECRECY_MARKS

    assert SECRECIES == SECRECY_MARKS
