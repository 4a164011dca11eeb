"""Parliament letters: the kind, number, house, asker, dates and place read from the Secretariat's, the Cabinet
Secretariat's and committees' letters; every other letter has no parliament object; every letter a duty type."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from prasan.correspondence.intake.fields.parliament import KEYS, number_of, place_after
from prasan.correspondence.intake.parse import parse
from prasan.correspondence.management.commands.extract import Command
from prasan.matters.choices import DutyType
from prasan.thai.provinces import province_at

LETTERS = Path(__file__).resolve().parents[2] / "bench/letters"


def letter(*body: str, number="ที่ สผ ๐๐๑๔/๓๐๕๕", office="สำนักงานเลขาธิการสภาผู้แทนราษฎร", subject="กระทู้ถาม") -> str:
    return "\n".join([f"{number}                        {office}", "", "            ๒๐ พฤศจิกายน ๒๕๖๙", "",
                      f"เรื่อง  {subject}", "เรียน  รัฐมนตรีว่าการกระทรวงศึกษาธิการ", *body,
                      "                 ขอแสดงความนับถือ", "            (นายอภิชาติ สุขประเสริฐ)"])


def test_every_corpus_letter_has_a_duty_type_of_the_matters_vocabulary():
    for source in sorted(LETTERS.glob("*.txt")):
        assert parse(source.read_text(encoding="utf-8")).fields["duty_type"] in DutyType.values, source.stem


@pytest.mark.parametrize("name", ["p01_house_written_gazette", "p04_house_oral_live", "p09_house_committee_summons",
                                  "p10_senate_committee_arabic", "16_parl_soc_forward", "14_cab_circ_replyby_abbr"])
def test_corpus_letters_give_the_expected_object(name):
    expected = json.loads((LETTERS / f"{name}.json").read_text(encoding="utf-8"))["parliament"]
    got = parse((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).fields["parliament"]
    assert list(got) == list(KEYS)
    assert got == expected


def test_a_written_question_in_thai_digits():
    fields = parse(letter(
        "            ด้วย นายประสิทธิ์ ดอยคำ สมาชิกสภาผู้แทนราษฎร จังหวัดแม่ฮ่องสอน ได้ตั้งกระทู้ถามที่ ๑๕๗ ร.",
        "เรื่อง ครู ถามรัฐมนตรี โดยขอให้ตอบในราชกิจจานุเบกษา และส่งคำตอบภายในวันที่ ๒๑ ธ.ค. ๒๕๖๙")).fields
    assert fields["duty_type"] == "parliament"
    assert fields["parliament"] == {
        "kind": "written_question", "number": "157 ร.", "house": "house", "asker": "นายประสิทธิ์ ดอยคำ",
        "asker_province": "แม่ฮ่องสอน", "answer_in": "royal_gazette", "answer_by": "2026-12-21",
        "meeting_at": None, "place": None, "names_by": None}


@pytest.mark.parametrize(("text", "number"), [
    ("กระทู้ถามที่ 157 ร. เรื่อง", "157 ร."), ("กระทู้ถามที่157ร เรื่อง", "157 ร."), ("กระทู้ถามที่ 88 ว.", "88 ว."),
    ("กระทู้ถามทั่วไปที่ 38 เรื่อง", "38"), ("กระทู้ถาม แยกเฉพาะที่ 12 เรื่อง", "12"), ("กระทู้ถามที่ 112 2. เรื่อง", "112 ว."),
    ("กระทู้ถามที่ต้องตอบ", None), ("หนังสือที่ 15 ร.", None),
])
def test_question_numbers(text, number):
    assert number_of(text) == number


def test_a_live_question_on_the_same_day_takes_the_letters_date():
    fields = parse(letter(
        "            ด้วยในการประชุมสภาผู้แทนราษฎร วันพฤหัสบดีที่ 3 ธันวาคม 2569 นายธีรวัฒน์ แก้วมณี",
        "สมาชิกสภาผู้แทนราษฎร จังหวัดนครศรีธรรมราช ได้ยื่นกระทู้ถามสดด้วยวาจา ซึ่งประธานอนุญาตให้ถาม",
        "ในวันเดียวกัน เวลา 11.00 น. ณ ห้องประชุมสุริยัน อาคารรัฐสภา",
        "            จึงเรียนมาเพื่อโปรดทราบ")).fields["parliament"]
    assert fields["kind"] == "oral_question" and fields["answer_in"] == "chamber" and fields["number"] is None
    assert fields["meeting_at"] == "2026-12-03T11:00"
    assert fields["place"] == "ห้องประชุมสุริยัน อาคารรัฐสภา"
    assert fields["asker_province"] == "นครศรีธรรมราช"


def test_a_senators_question_is_the_senates_whatever_office_forwards_it():
    fields = parse(letter(
        "            ตามที่ได้ส่งกระทู้ถามของ พลตำรวจโทสุรชัย วงศ์ใหญ่ สมาชิกวุฒิสภา ถามนายกรัฐมนตรี นั้น",
        number="ที่ นร ๐๕๐๓/๒๒๑๔", office="สำนักเลขาธิการคณะรัฐมนตรี")).fields["parliament"]
    assert fields["house"] == "senate" and fields["asker"] == "พลตำรวจโทสุรชัย วงศ์ใหญ่"
    assert fields["asker_province"] is None and fields["kind"] == "written_question"


def test_a_committee_summons_gives_meeting_place_and_the_date_for_names():
    fields = parse(letter(
        "            ด้วยคณะกรรมาธิการการศึกษา ขอเชิญผู้แทนเข้าร่วมประชุมเพื่อชี้แจง ในวันพุธที่ ๙ ธ.ค. ๖๙",
        "เวลา ๐๙.๓๐ น. ณ ห้องประชุมกรรมาธิการ CA ๓๑๒ ชั้น ๓ อาคารรัฐสภา",
        "            จึงเรียนมาเพื่อโปรดแจ้งรายชื่อผู้เข้าร่วมประชุมภายในวันที่ ๔ ธันวาคม ๒๕๖๙",
        number="ที่ สผ ๐๐๑๙.๐๒/๑๔๕๖", office="คณะกรรมาธิการการศึกษา", subject="ขอเชิญประชุม")).fields["parliament"]
    assert fields["kind"] == "committee_summons" and fields["house"] == "house"
    assert fields["meeting_at"] == "2026-12-09T09:30" and fields["names_by"] == "2026-12-04"
    assert fields["place"] == "ห้องประชุมกรรมาธิการ CA 312 ชั้น 3 อาคารรัฐสภา"
    assert fields["answer_by"] is None


def test_a_bill_opinion_request_from_the_cabinet_secretariat():
    fields = parse(letter(
        "            นายกรัฐมนตรีสั่งให้ขอความเห็นต่อร่างพระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ....",
        "จึงขอให้แจ้งความเห็นภายในวันที่ 16 ธันวาคม 2569",
        number="ที่ นร 0505/ว 112", office="สำนักเลขาธิการคณะรัฐมนตรี", subject="ขอความเห็น")).fields
    assert fields["parliament"]["kind"] == "bill_opinion" and fields["parliament"]["answer_by"] == "2026-12-16"
    assert fields["parliament"]["asker"] is None


def test_a_cabinet_resolution_is_no_parliament_letter_but_policy_follow_up():
    fields = parse((LETTERS / "13_cab_circ_resolution.txt").read_text(encoding="utf-8")).fields
    assert fields["parliament"] is None and fields["duty_type"] == "policy_followup"


def test_an_invitation_mentioning_a_committee_is_no_parliament_letter():
    fields = parse((LETTERS / "p14_foundation_invite_mp.txt").read_text(encoding="utf-8")).fields
    assert fields["parliament"] is None and fields["duty_type"] == "political_support"


@pytest.mark.parametrize(("name", "duty"), [
    ("17_complaint_prose", "complaint"), ("06_memo_seed_summary", "analysis"), ("25_circ_ops_letterhead", "other"),
    ("08_memo_internal_arabic", "parliament"), ("p13_soc_cabinet_agenda", "political_support"),
])
def test_duty_types(name, duty):
    assert parse((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).fields["duty_type"] == duty


def test_places_end_where_the_sentence_goes_on():
    assert place_after(" ณ ห้องประชุมสุริยัน อาคารรัฐสภาจึงเรียนมาเพื่อโปรดทราบ") == "ห้องประชุมสุริยัน อาคารรัฐสภา"
    assert place_after(" ผ่านระบบการประชุมทางไกล (Zoom) ทั้งนี้ โปรด") == "ระบบการประชุมทางไกล (Zoom)"
    assert place_after(" จึงเรียนมา") is None


def test_provinces_are_read_where_words_run_together():
    assert province_at("นครศรีธรรมราชได้ยื่น") == "นครศรีธรรมราช"
    assert province_at("นครราชสีมา พรรค") == "นครราชสีมา"
    assert province_at("กทม. เขต 3") == "กรุงเทพมหานคร"
    assert province_at("ในที่ประชุม") is None


def test_extract_prints_duty_type_and_the_parliament_object(tmp_path, capsys):
    path = tmp_path / "letter.txt"
    path.write_text((LETTERS / "p09_house_committee_summons.txt").read_text(encoding="utf-8"), encoding="utf-8")
    call_command(Command(), str(path))
    printed = json.loads(capsys.readouterr().out)
    assert printed["duty_type"] == "parliament"
    assert printed["parliament"]["kind"] == "committee_summons"
    assert printed["parliament"]["meeting_at"] == "2026-12-09T09:30"


def test_times_in_nalika_and_ranges_and_places_that_stop_at_the_next_sentence():
    from prasan.correspondence.intake.fields.parliament import meeting_of

    when, place = meeting_of("วันพฤหัสบดีที่ 17 ธันวาคม 2569 เวลา 09.30 นาฬิกา ณ ห้องประชุมสุริยัน ชั้น 2 อาคารรัฐสภา "
                             "ความละเอียดแจ้งแล้ว นั้น")
    assert when.isoformat() == "2026-12-17T09:30:00" and place == "ห้องประชุมสุริยัน ชั้น 2 อาคารรัฐสภา"
    when, place = meeting_of("วันอังคารที่ 22 ธันวาคม 2569 ตั้งแต่เวลา 10.00 – 12.00 น. ณ ห้องประชุม 307 ชั้น 3 "
                             "อาคารรัฐสภา ฝั่งวุฒิสภา คณะกรรมาธิการจึงใคร่ขอเชิญ")
    assert when.isoformat() == "2026-12-22T10:00:00" and place == "ห้องประชุม 307 ชั้น 3 อาคารรัฐสภา ฝั่งวุฒิสภา"


def test_a_constituency_before_the_province_and_a_motion_that_mentions_a_meeting():
    from prasan.correspondence.intake.fields.parliament import asker_of, kind_of

    assert asker_of("นายเกียรติศักดิ์ พึ่งบุญ สส. เขตเลือกตั้งที่ 2 จังหวัดลำปาง ได้ตั้ง")[1] == "ลำปาง"
    text = "ด้วยสภาผู้แทนราษฎร ในคราวประชุมครั้งที่ 20 ได้พิจารณาญัตติ และลงมติเห็นชอบกับรายงานของคณะกรรมาธิการ"
    assert kind_of("ขอให้พิจารณาดำเนินการตามมติสภาผู้แทนราษฎร", text, "สำนักงานเลขาธิการสภาผู้แทนราษฎร", False) == "motion"
