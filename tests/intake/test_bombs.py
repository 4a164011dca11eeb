"""Uploads that cannot exhaust the server (issue 14, item 3): each of the probe's hostile files is refused with a
Thai reason, read in the sandbox as the worker reads it, within a small time and memory — figures printed
(`pytest -s`) and bounded here. bench/bombs.py measures the same files against the code before this change."""

import tempfile
from pathlib import Path

import pytest

from prasan import sandbox
from prasan.correspondence.intake import detect, pipeline
from prasan.correspondence.intake.errors import IntakeError

from . import bombs
from .conftest import docx_bytes, pdf_bytes

THAI = "\u0e00-\u0e7f"
LIMITS = sandbox.Limits(memory_mb=1024, cpu_seconds=60, wall_seconds=120)


def read(data: bytes, name: str, limits: sandbox.Limits = LIMITS):
    """The worker's reading: the file in a sandboxed child; the outcome, or the SandboxError it raised."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "letter"
        path.write_bytes(data)
        (Path(work) / "previews").mkdir()
        try:
            return sandbox.call(f"{pipeline.__name__}.run_file", str(path), name, str(Path(work) / "previews"),
                                limits=limits)
        except sandbox.SandboxError as exc:
            return exc


def refused(data: bytes, name: str, code: str, words: str) -> sandbox.SandboxError:
    outcome = read(data, name)
    assert isinstance(outcome, sandbox.SandboxError), outcome
    print(f"\n{name}: {len(data):,} bytes refused ({outcome.code}) in {outcome.seconds:.2f} s, "
          f"peak {outcome.peak_kb / 1024:.0f} MB — {outcome.message}")
    assert outcome.code == code and words in outcome.message
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in outcome.message)
    assert outcome.seconds < 20 and outcome.peak_kb < 400 * 1024
    return outcome


def test_a_435_byte_pdf_of_one_14400_pt_page_is_refused_from_its_page_box():
    data = bombs.pdf_page(14_400, 14_400)
    assert len(data) < 450
    refused(data, "huge-page.pdf", "too_large", "ขนาดใหญ่ผิดปกติ (508 × 508 ซม.)")


def test_render_resolution_comes_from_the_page_box_before_any_pixel():
    assert detect.render_dpi((595, 842)) == 300  # A4 at OCR's resolution
    a0 = detect.render_dpi((2384, 3370))  # A0: rendered at less, within MAX_PIXELS
    assert 150 < a0 < 300 and (2384 / 72 * a0) * (3370 / 72 * a0) <= detect.MAX_PIXELS * 1.001
    with pytest.raises(IntakeError):
        detect.render_dpi((14_400, 14_400))


def test_a_1_mb_docx_zip_bomb_is_refused_from_the_archive_directory():
    data = bombs.zip_bomb()
    assert len(data) < 2_000_000
    refused(data, "bomb.docx", "too_large", "เมื่อแตกไฟล์แล้วใหญ่ผิดปกติ")


def test_a_113_kb_docx_of_8_7_million_empty_paragraphs_is_refused():
    data = bombs.paragraph_bomb()
    assert len(data) < 200_000
    refused(data, "paragraphs.docx", "too_large", "ใหญ่ผิดปกติ")


def test_a_docx_of_more_paragraphs_than_any_letter_is_refused_before_parsing():
    data = bombs.docx([b"<w:p/>" * 60_000])
    refused(data, "many-paragraphs.docx", "too_large", "ย่อหน้า")


def test_a_docx_of_thousands_of_parts_is_refused():
    refused(bombs.many_parts(), "parts.docx", "too_large", "ส่วน")


def test_a_png_claiming_ten_billion_pixels_is_refused_from_its_header():
    refused(bombs.pixel_bomb_png(), "pixels.png", "too_large", "ใหญ่เกินไป")


def test_a_real_letter_still_reads_with_previews_capped_in_size():
    from PIL import Image

    lines = ["ที่ ศธ 04006/3217", "เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วย", "เรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "letter.pdf").write_bytes(pdf_bytes(lines))
        outcome = sandbox.call(f"{pipeline.__name__}.run_file", str(Path(work) / "letter.pdf"), "letter.pdf", work,
                               limits=LIMITS)
        assert outcome.value["previews"] == 1 and "ขอส่งข้อมูลจำนวนครูผู้ช่วย" in outcome.value["text"]
        with Image.open(Path(work) / "page-1.png") as preview:
            assert max(preview.size) <= 1600
    print(f"\nletter.pdf read in {outcome.seconds:.2f} s, peak {outcome.peak_kb / 1024:.0f} MB")
    word = read(docx_bytes(lines), "letter.docx")
    assert not isinstance(word, sandbox.SandboxError) and "ขอส่งข้อมูล" in word.value["text"]


# ---- the sandbox's own limits ----------------------------------------------------------------------

TARGETS = "tests.sandbox_targets"


def test_memory_beyond_the_limit_stops_the_child_with_a_thai_reason():
    with pytest.raises(sandbox.SandboxError) as refusal:
        sandbox.call(f"{TARGETS}.hog", 1024, limits=sandbox.Limits(memory_mb=256, cpu_seconds=30, wall_seconds=60))
    assert refusal.value.code == "memory" and "(256 MB)" in refusal.value.message
    assert refusal.value.peak_kb < 256 * 1024


def test_cpu_beyond_the_limit_stops_the_child():
    with pytest.raises(sandbox.SandboxError) as refusal:
        sandbox.call(f"{TARGETS}.spin", 60, limits=sandbox.Limits(memory_mb=256, cpu_seconds=1, wall_seconds=60))
    assert refusal.value.code == "time" and refusal.value.seconds < 10


def test_wall_time_beyond_the_limit_kills_the_child():
    with pytest.raises(sandbox.SandboxError) as refusal:
        sandbox.call(f"{TARGETS}.sleep", 60, limits=sandbox.Limits(memory_mb=256, cpu_seconds=30, wall_seconds=1))
    assert refusal.value.code == "time" and refusal.value.seconds < 5 and "1 วินาที" in refusal.value.message


def test_a_crash_is_a_thai_reason_and_progress_comes_through():
    with pytest.raises(sandbox.SandboxError) as refusal:
        sandbox.call(f"{TARGETS}.crash")
    assert refusal.value.code == "crashed" and any("\u0e00" <= c <= "\u0e7f" for c in refusal.value.message)
    seen = []
    outcome = sandbox.call(f"{TARGETS}.count", 3, progress=lambda done, total: seen.append((done, total)))
    assert outcome.value == {"pages": 3} and seen == [(1, 3), (2, 3), (3, 3)]
