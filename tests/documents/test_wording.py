"""The seed's wording: the memos' lead-ins name the acting unit ("๓. สร. ได้พิจารณาแล้วเห็นว่า…", "สป."
on the permanent secretary's memo); a part the form prints a word before is never printed with that
word twice; "นำเสนอ", "เรียน" and the closing line have defaults (the office's settings, the seed's
closing), so a draft without them is printed and submitted, not refused."""

import pytest

from prasan.documents import chain, drafting, office_defaults, printing
from prasan.documents.forms import get_form
from prasan.documents.forms.base import Printer
from prasan.documents.forms.four_parts import closing_for
from prasan.documents.render.html import render_pdf
from prasan.matters.models import Plan
from prasan.thai.linebreak import plain
from prasan.thai.text import without_lead

from .conftest import pdf_text, sample, squeeze


def printed(code: str, data: dict) -> dict:
    spec = get_form(code)
    return spec.printed(spec.clean(data), Printer())


def body(code: str, data: dict) -> list[str]:
    """The memo's numbered paragraphs and closing, as printed (label and text)."""
    ctx = printed(code, data)
    return [plain(f"{b['label']} {b['text']}".strip()) for b in ctx["blocks"] + ctx["closing"]]


def memo(**changes) -> dict:
    data = sample("office_memo") | changes
    return {k: v for k, v in data.items() if v is not None}


# ---- lead-ins with the acting unit ------------------------------------------------------------------------

def test_the_office_memos_lead_ins_carry_the_unit_the_ส่วนราชการ_line_begins_with():
    lines = body("office_memo", memo(consideration=["การจัดสรรเป็นไปตามหลักเกณฑ์", "อยู่ในอำนาจของ รมว.ศธ."]))
    assert "๒. สร. ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้" in lines
    assert "๓. สร. ได้พิจารณาแล้ว มีความเห็น ดังนี้" in lines
    assert "๓.๑ การจัดสรรเป็นไปตามหลักเกณฑ์" in lines


def test_a_single_consideration_reads_as_the_seed_writes_it():
    lines = body("office_memo", memo(consideration=["การดำเนินงานอยู่ในอำนาจ รมว.ศธ. จึงเห็นควรเห็นชอบ"]))
    assert "๓. สร. ได้พิจารณาแล้วเห็นว่า การดำเนินงานอยู่ในอำนาจ รมว.ศธ. จึงเห็นควรเห็นชอบ" in lines


@pytest.mark.parametrize("typed", ["สร. ได้พิจารณาแล้วเห็นว่า ควรเห็นชอบ", "ได้พิจารณาแล้วเห็นว่า ควรเห็นชอบ"])
def test_a_consideration_already_in_the_units_words_is_not_doubled(typed):
    lines = body("office_memo", memo(consideration=[typed]))
    assert "๓. สร. ได้พิจารณาแล้วเห็นว่า ควรเห็นชอบ" in lines


def test_a_lead_in_typed_without_the_unit_gets_it_and_one_typed_with_it_keeps_one():
    lines = body("office_memo", memo(facts_intro="ขอเรียนข้อมูลเพิ่มเติม ดังนี้"))
    assert "๒. สร. ขอเรียนข้อมูลเพิ่มเติม ดังนี้" in lines
    lines = body("office_memo", memo(facts_intro="สร. ขอเรียนข้อมูลเพิ่มเติม ดังนี้"))
    assert "๒. สร. ขอเรียนข้อมูลเพิ่มเติม ดังนี้" in lines


def test_the_permanent_secretarys_memo_names_สป():
    lines = body("ps_memo", sample("ps_memo"))
    assert "๒. สป. ขอเรียนข้อมูลประกอบการพิจารณา ดังนี้" in lines
    assert "๓. สป. มีข้อพิจารณา ดังนี้" in lines
    assert "๔. เห็นควร" in lines


def test_an_acting_unit_part_names_the_unit_when_the_ส่วนราชการ_line_has_no_abbreviation():
    lines = body("office_memo", memo(unit="กลุ่มงานวิเคราะห์", acting_unit="สร."))
    assert "๒. สร. ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้" in lines
    lines = body("office_memo", memo(unit="กลุ่มงานวิเคราะห์"))
    assert "๒. ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้" in lines  # nothing to name: no unit made up


# ---- the closing line -------------------------------------------------------------------------------------

@pytest.mark.parametrize("recommendations,closing", [
    (["เห็นควรให้ความเห็นชอบการจัดสรรอัตรา"], "จึงเรียนมาเพื่อโปรดเห็นชอบ ตามข้อ 4"),
    (["อนุมัติโครงการ"], "จึงเรียนมาเพื่อโปรดอนุมัติ ตามข้อ 4"),
    (["รับทราบ ตามข้อ 3.1"], "จึงเรียนมาเพื่อโปรดทราบ ตามข้อ 4"),
    (["รับทราบ ตามข้อ 3.1", "เห็นชอบแนวทาง"], "จึงเรียนมาเพื่อโปรดพิจารณา ตามข้อ 4"),
    (["มอบ สพฐ. ดำเนินการ"], "จึงเรียนมาเพื่อโปรดพิจารณา ตามข้อ 4"),
])
def test_the_default_closing_asks_for_what_part_four_recommends(recommendations, closing):
    assert closing_for(recommendations) == closing


def test_a_memo_without_a_closing_prints_the_seeds():
    lines = body("office_memo", memo(closing=None))
    assert lines[-1] == "จึงเรียนมาเพื่อโปรดเห็นชอบ ตามข้อ ๔ หรือสุดแต่จะกรุณามีดำริ"
    data = sample("ps_memo")
    del data["closing"]
    assert body("ps_memo", data)[-1] == "จึงเรียนมาเพื่อโปรดพิจารณา ตามข้อ ๔"


# ---- no doubled words -------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["โปรดพิจารณาให้ความเห็นชอบ", "เพื่อโปรดพิจารณาให้ความเห็นชอบ",
                                   "เพื่อโปรด พิจารณาให้ความเห็นชอบ", "พิจารณาให้ความเห็นชอบ"])
def test_the_summary_notes_เพื่อโปรด_is_printed_once(typed):
    ctx = printed("summary_note", sample("summary_note") | {"for_action": typed})
    assert ctx["for_action"] == "เพื่อโปรดพิจารณาให้ความเห็นชอบ"


def test_นำเสนอ_เรียน_and_the_brackets_round_a_name_are_printed_once():
    ctx = printed("summary_note", sample("summary_note") | {"to": "นำเสนอ รมว.ศธ."})
    assert ctx["to"] == "นำเสนอ รมว.ศธ."
    ctx = printed("office_memo", memo(to="เรียน รมว.ศธ.", signer={"name": "(นายประสาน ราชการดี)",
                                                                   "position": "หัวหน้าสำนักงานรัฐมนตรี"}))
    assert ctx["to"] == "รมว.ศธ." and ctx["signer"]["name"] == "นายประสาน ราชการดี"
    ctx = printed("external_letter", sample("external_letter") | {"to": "เรียน อธิการบดี"})
    assert ctx["to"] == "อธิการบดี"


def test_without_lead_takes_only_a_word_the_text_begins_with():
    assert without_lead("โปรดพิจารณา", "เพื่อโปรด", "โปรด") == "พิจารณา"
    assert without_lead("พิจารณาโปรด", "โปรด") == "พิจารณาโปรด"


def test_the_printed_summary_note_has_no_doubled_word():
    data = sample("summary_note") | {"to": "นำเสนอ รมว.ศธ.", "for_action": "เพื่อโปรด โปรดพิจารณา"}
    text = squeeze(pdf_text(render_pdf("summary_note", data)))
    assert "นำเสนอนำเสนอ" not in text and "เพื่อโปรดโปรด" not in text
    assert "นำเสนอรมว.ศธ." in text and "เพื่อโปรดพิจารณา" in text


# ---- defaults from the office's settings ------------------------------------------------------------------

@pytest.fixture
def office_with_minister(office):
    office.minister_title, office.minister_name = "รมว.ศธ.", "นายธีรภัทร วิชาการ"
    office.save()
    return office


def test_the_office_settings_give_นำเสนอ_เรียน_and_the_acting_unit(office_with_minister):
    assert office_defaults.for_form(office_with_minister, "summary_note") == {
        "to": "รมว.ศธ. (นายธีรภัทร วิชาการ)"}
    assert office_defaults.for_form(office_with_minister, "office_memo") == {"to": "รมว.ศธ.", "acting_unit": "สร."}
    assert office_defaults.for_form(office_with_minister, "ps_memo") == {"to": "รมว.ศธ."}
    assert office_defaults.for_form(office_with_minister, "external_letter") == {}
    filled = office_defaults.apply({"to": "รมช.ศธ."}, office_with_minister, "summary_note")
    assert filled["to"] == "รมช.ศธ."  # what the drafter typed wins


@pytest.fixture
def drafting_matter(make_matter, users):
    matter = make_matter(title="การจัดสรรอัตราครูผู้ช่วย")
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


def test_a_summary_note_without_นำเสนอ_is_submitted_and_printed_to_the_minister_in_the_settings(
        office_with_minister, drafting_matter, users):
    note = drafting.start(drafting_matter, "summary_note", by=users["coordinator"])
    fields = {k: v for k, v in (note.fields | sample("summary_note")).items() if k not in ("to", "for_action")}
    note = drafting.save_version(note, fields, by=users["coordinator"])
    chain.submit(note, by=users["coordinator"])  # not refused
    note.refresh_from_db()
    assert note.status == "in_review"
    text = squeeze(pdf_text(printing.pdf(note)))
    assert "นำเสนอรมว.ศธ.(นายธีรภัทรวิชาการ)" in text and "เพื่อโปรดพิจารณา" in text


def test_an_office_memo_without_a_closing_or_เรียน_is_submitted_with_the_seeds_words(
        office_with_minister, drafting_matter, users):
    memo_doc = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    fields = {k: v for k, v in (memo_doc.fields | sample("office_memo")).items()
              if k not in ("to", "closing", "unit")} | {"unit": "กลุ่มงานวิเคราะห์"}
    memo_doc = drafting.save_version(memo_doc, fields, by=users["coordinator"])
    chain.submit(memo_doc, by=users["coordinator"])
    text = squeeze(pdf_text(printing.pdf(memo_doc)))
    assert "เรียนรมว.ศธ." in text
    assert "๒.สร.ขอเรียนข้อมูลเพื่อประกอบการพิจารณาดังนี้" in text  # the office's abbreviation
    assert "จึงเรียนมาเพื่อโปรดเห็นชอบตามข้อ๔หรือสุดแต่จะกรุณามีดำริ" in text


def test_a_new_draft_is_prefilled_from_the_settings_with_no_doubled_brackets(office_with_minister, drafting_matter,
                                                                              users):
    note = drafting.start(drafting_matter, "summary_note", by=users["coordinator"])
    assert note.fields["to"] == "รมว.ศธ. (นายธีรภัทร วิชาการ)"
    assert not note.fields["head_of_office"]["name"].startswith("(")
    memo_doc = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    assert memo_doc.fields["to"] == "รมว.ศธ." and memo_doc.fields["unit"].startswith("สร. (")
