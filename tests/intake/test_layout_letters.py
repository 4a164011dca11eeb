"""Issue 19: letters laid out as other offices lay them out — the letterhead's blocks, every kind of the
regulation, real number shapes, the signature block; positioned words from PDFs and scans; red stamps."""

import pytest

from prasan.correspondence.intake import extract, ocr, page, pipeline, stamps
from prasan.correspondence.intake.fields.numbers import parse_number
from prasan.correspondence.intake.parse import parse

from .conftest import LETTERS, pdf_bytes


def fields_of(text: str) -> dict:
    return parse(text).fields


@pytest.mark.parametrize(("text", "expected"), [
    ("กค (กวจ) ๐๔๐๕.๓/๔๖๕๖", "กค (กวจ) 0405.3/4656"),
    ("สว (กมธ 6) 0010/1456", "สว (กมธ 6) 0010/1456"),
    ("นร ๐๑๐๕.๐๔/ว ๕๐", "นร 0105.04/ว 50"),
    ("ศธ 04002/ว2871", "ศธ 04002/ว 2871"),
    ("ศธ 04002/2 2871", "ศธ 04002/ว 2871"),  # ว read as 2 on a scan: a running number has no space in it
])
def test_number_shapes(text, expected):
    from prasan.thai.digits import to_arabic

    assert parse_number(to_arabic(text)).text == expected


def test_the_number_beside_the_office_block_and_the_office_over_two_lines():
    fields = fields_of(
        "ที่ ศธ 04002/ว 2871                                 สำนักงานคณะกรรมการการศึกษา\n"
        "                                                   ขั้นพื้นฐาน\n"
        "                                                   ถนนราชดำเนินนอก กทม. 10300\n"
        "                                 30 พฤศจิกายน 2569\n"
        "เรื่อง  การจัดสรรงบประมาณ\n"
        "เรียน  ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาทุกเขต\n")
    assert fields["doc_number"] == "ศธ 04002/ว 2871"
    assert fields["from_agency"] == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
    assert fields["kind"] == "circular" and fields["date"] == "2026-11-30"


def test_a_parent_body_on_the_second_line_keeps_its_space():
    fields = fields_of(
        "ที่ นร ๐๑๐๕.๐๔/ว ๕๐                                ศูนย์บริการประชาชน\n"
        "                                                   สำนักปลัดสำนักนายกรัฐมนตรี\n"
        "                                                   ทำเนียบรัฐบาล กทม. ๑๐๓๐๐\n"
        "เรื่อง  การรายงานผล\n")
    assert fields["from_agency"] == "ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี"


def test_ti_alone_with_the_number_on_the_next_line():
    fields = fields_of((LETTERS / "layout/l03_ext_senate_committee.txt").read_text(encoding="utf-8"))
    assert fields["doc_number"] == "สว (กมธ 6) 0010/1456"
    assert fields["from_agency"] == "คณะกรรมาธิการการศึกษา วุฒิสภา"
    # signed without brackets and without (ลงชื่อ)
    assert fields["signer"] == "นายสมพงษ์ รักไทย"
    assert fields["signer_position"] == "ประธานคณะกรรมาธิการการศึกษา"


def test_rian_alone_on_its_line():
    fields = fields_of("ที่ มท 0801.1/1401\nเรื่อง  ขอข้อมูล\nเรียน\n        รัฐมนตรีว่าการกระทรวงมหาดไทย\n\n"
                       "            ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับมอบหมาย\n")
    assert fields["to"] == "รัฐมนตรีว่าการกระทรวงมหาดไทย"
    assert fields["subject"] == "ขอข้อมูล"


def test_an_order_its_number_date_issuer_and_unbracketed_signer():
    fields = fields_of((LETTERS / "layout/l04_order_unbracketed_signer.txt").read_text(encoding="utf-8"))
    assert (fields["kind"], fields["doc_number"], fields["date"]) == ("order", "123/2569", "2026-10-15")
    assert fields["from_agency"] == "กระทรวงศึกษาธิการ"
    assert fields["signer"] == "นายวิชัย ศักดิ์ศรี"
    assert fields["signer_position"] == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"


def test_an_announcement_takes_its_date_only_from_its_own_line():
    text = ("ประกาศกระทรวงสาธารณสุข เรื่อง ด่านควบคุมโรคติดต่อระหว่างประเทศ พ.ศ. ๒๕๖๒\n\n"
            "โดยที่เป็นการสมควรปรับปรุงประกาศ ลงวันที่ ๒๙ พฤษภาคม พ.ศ. ๒๕๕๙ ให้มีความเหมาะสม\n")
    fields = fields_of(text)
    assert fields["kind"] == "announcement" and fields["from_agency"] == "กระทรวงสาธารณสุข"
    assert fields["subject"] == "ด่านควบคุมโรคติดต่อระหว่างประเทศ พ.ศ. 2562"
    assert fields["date"] is None  # the body's date is another announcement's
    fields = fields_of(text + "\n            ประกาศ ณ วันที่ ๖ ธันวาคม พ.ศ. ๒๕๖๒\n\n              (นายอนุทิน ชาญวีรกูล)\n"
                                "          รัฐมนตรีว่าการกระทรวงสาธารณสุข\n")
    assert fields["date"] == "2019-12-06" and fields["signer"] == "นายอนุทิน ชาญวีรกูล"


def test_a_subject_wrapped_above_a_rule_is_kept_whole():
    fields = fields_of((LETTERS / "layout/l05_announcement_bracketed.txt").read_text(encoding="utf-8"))
    assert fields["subject"].endswith("ให้ดำรงตำแหน่งประเภทวิชาการ ระดับชำนาญการพิเศษ")


def test_the_position_acting_for_someone_else_stops_at_the_owning_unit():
    fields = fields_of((LETTERS / "layout/l02_ext_bracket_code_two_line_office.txt").read_text(encoding="utf-8"))
    assert fields["signer_position"] == "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมบัญชีกลาง"
    assert fields["contact_phone"] == "0 2127 7000 ต่อ 4441"
    assert fields["enclosures"] == ["สำเนาหนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานจำนวน 1 ชุด"]


def test_enclosures_reflowed_onto_one_line_are_split_at_their_numbers():
    fields = fields_of("ที่ ศธ 0201/1\nเรื่อง  ก\nเรียน  ข\nสิ่งที่ส่งมาด้วย ๑. บัญชีโรงเรียน จำนวน ๔๒ แห่ง ๒. ภาพถ่าย\n"
                       "ความเสียหาย ๓. ประมาณการ\n\n        ด้วยจังหวัดนครราชสีมาประสบอุทกภัยในช่วงเดือนตุลาคม ๒๕๖๙ ทำให้"
                       "อาคารเรียนเสียหาย\nทำให้อาคารเรียนของโรงเรียนในพื้นที่ ๘ อำเภอได้รับความเสียหาย ไม่สามารถใช้จัดการเรียนได้\n")
    assert fields["enclosures"] == ["บัญชีโรงเรียน จำนวน 42 แห่ง", "ภาพถ่ายความเสียหาย", "ประมาณการ"]


# ---- lines another office's template wrapped (a text layer re-flowed in a narrower column) -----------------

def test_a_position_wrapped_in_a_narrow_column_is_kept_to_its_last_line():
    fields = fields_of(
        "เรียน  ผู้อำนวยการ\n        ด้วยสำนักงานได้รับการจัดสรรงบประมาณประจำปีเพื่อซ่อมแซมอาคารเรียนของโรงเรียนในสังกัด\n"
        "                             ขอแสดงความนับถือ\n"
        "                             (นายอำนาจ วิชยานุวัติ)\n"
        "                             รองเลขาธิการคณะกรรมการการศึกษา\n"
        "                             ขั้นพื้นฐาน\n"
        "                             ปฏิบัติราชการแทน\n"
        "                             เลขาธิการคณะกรรมการการศึกษาขั้น\n"
        "                             พื้นฐาน\n"
        "สำนักนโยบายและแผน\n")
    assert fields["signer_position"].replace(" ", "") == (
        "รองเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐานปฏิบัติราชการแทนเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน")


def test_a_long_position_centred_under_the_name_starts_left_of_it():
    fields = fields_of(
        "                             คำสั่งกระทรวงการอุดมศึกษา\n                             ที่ 45/2569\n"
        "เรื่อง มอบหมายงาน\n        เพื่อให้การประสานงานเป็นไปด้วยความเรียบร้อย จึงมอบหมายให้นางสาวศิริพร แก้วใส\n"
        "ปฏิบัติหน้าที่ประสานงาน ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n"
        "                             สั่ง ณ วันที่ 9 กันยายน พ.ศ. 2569\n"
        "                             (นายภาคภูมิ สุขศรี)\n"
        "        ปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม\n")
    assert fields["signer_position"] == "ปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"


def test_a_name_whose_bracket_closes_on_the_next_line_is_one_name():
    fields = fields_of(
        "เรียน  อธิการบดี\n        ด้วยคณะศึกษาศาสตร์ได้รับทุนวิจัย จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์\n"
        "                             ขอแสดงความนับถือ\n"
        "                             (รองศาสตราจารย์ ดร.ชาญชัย พาน\n"
        "                             ทอง)\n"
        "                             รองอธิการบดีฝ่ายวิจัย\n")
    assert fields["signer"] == "รองศาสตราจารย์ ดร.ชาญชัย พานทอง"
    assert fields["signer_position"] == "รองอธิการบดีฝ่ายวิจัย"


def test_an_addressee_that_ran_to_the_margin_goes_on_at_the_next_line():
    head = "ที่ อว 0231.05/3377\nเรื่อง ขอเชิญเป็นประธาน\n"
    fields = fields_of(head + "เรียน\n        รัฐมนตรีว่าการกระทรวงการอุดมศึกษา  วิทยาศาสตร์  วิจัยและ\nนวัตกรรม\n"
                       "        ด้วยมหาวิทยาลัยราชภัฏนครราชสีมาจะจัดงานสัปดาห์วิทยาศาสตร์\n"
                       "แห่งชาติในวันที่ 18 ธันวาคม 2569 จึงขอเรียนเชิญท่านเป็นประธานในพิธีเปิด\n")
    assert fields["to"] == "รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
    # a paragraph indented deeper than the addressee is the body, not the addressee's tail
    fields = fields_of(head + "เรียน  รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม\n"
                       "            มหาวิทยาลัยราชภัฏนครราชสีมาจะจัดงานสัปดาห์วิทยาศาสตร์แห่งชาติ\n"
                       "ในวันที่ 18 ธันวาคม 2569 จึงขอเรียนเชิญท่านเป็นประธานในพิธีเปิดงานของมหาวิทยาลัย\n")
    assert fields["to"] == "รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"


def test_a_subject_wrapped_above_the_date_line_is_kept_whole():
    fields = fields_of(
        "ที่ อว 0202.3/7781\n                                            สำนักงานปลัดกระทรวงการอุดมศึกษา\n"
        "เรื่อง  ขอรายชื่อผู้แทนร่วมเป็นคณะกรรมการเชื่อมโยงการศึกษาขั้นพื้นฐาน\n        กับการอุดมศึกษา\n"
        "                                    2 ธันวาคม 2569\nเรียน  รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n")
    assert fields["subject"] == "ขอรายชื่อผู้แทนร่วมเป็นคณะกรรมการเชื่อมโยงการศึกษาขั้นพื้นฐานกับการอุดมศึกษา"


@pytest.mark.parametrize(("lines", "phone"), [
    ("ส่วนราชการ ศูนย์ปฏิบัติการต่อต้านการทุจริต โทร. ๐ ๒๒๘๘\n๕๕๖๗\n", "0 2288 5567"),
    ("ส่วนราชการ สำนักงานรัฐมนตรี (กลุ่มงานการเมือง) โทร. ๐ ๒๖๒๘ ๕๖๐๐ ต่อ\n๒๒๑๐\n", "0 2628 5600 ต่อ 2210"),
    ("ส่วนราชการ สำนักงานรัฐมนตรี โทร. ๐ ๒๖๒๘ ๕๖๐๐\n๑๐ คน\n", "0 2628 5600"),  # whole: the next line is not its
])
def test_a_phone_number_that_ran_over_the_line_end_goes_on_at_the_next(lines, phone):
    assert fields_of("บันทึกข้อความ\n" + lines + "ที่ ศธ 0201.29/145 วันที่ 3 ธันวาคม 2569\n")["contact_phone"] == phone


def test_one_bracketed_word_in_a_body_is_no_signer():
    fields = fields_of(
        "ประกาศสำนักนายกรัฐมนตรี\nเรื่อง แต่งตั้งประธานกรรมการ\n\n"
        "อาศัยอำนาจตามความในพระราชกฤษฎีกาจัดตั้งสำนักงานพิพิธภัณฑ์เกษตรเฉลิมพระเกียรติพระบาทสมเด็จพระเจ้าอยู่หัว\n"
        "(องค์การมหาชน)\nพ.ศ. 2552 และที่แก้ไขเพิ่มเติม คณะรัฐมนตรีจึงได้มีมติเห็นชอบแต่งตั้งประธานกรรมการ\n")
    assert fields["signer"] is None and fields["signer_position"] is None


def test_an_orders_date_line_read_without_its_marks_is_still_its_date():
    fields = fields_of("คำสั่งกระทรวงศึกษาธิการ\nที่ 45/2569\nเรื่อง มอบหมายงาน\n        เพื่อให้การประสานงานเป็นไปด้วยดี\n"
                       "            สัง ณ วันท 9 กันยายน พ.ศ. 2569\n                 (นายภาคภูมิ สุขศรี)\n")
    assert fields["date"] == "2026-09-09"


def test_a_speck_read_as_a_comma_after_the_month_leaves_the_date():
    fields = fields_of("ที่ อว 0231.05/3377 มหาวิทยาลัยราชภัฏนครราชสีมา\n              4 ธ.ค., 2569\n"
                       "เรื่อง ขอเชิญเป็นประธาน\nเรียน  อธิการบดี\n")
    assert fields["date"] == "2026-12-04"


def test_an_orders_date_line_whose_verb_a_scan_left_in_pieces_anchors_the_unbracketed_signer():
    fields = fields_of("คำสั่งกระทรวงศึกษาธิการ\nที่ 123/2569\nเรื่อง แต่งตั้งคณะทำงาน\n"
                       "   ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n\n่งณวันที่ 15 ตุลาคม พ.ศ. 2569\n\n"
                       "                               นายวิชัย ศักดิ์ศรี ]\n                  รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n")
    assert fields["date"] == "2026-10-15"
    assert fields["signer"] == "นายวิชัย ศักดิ์ศรี"  # the speck after it is no part of the name
    assert fields["signer_position"] == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"


def test_the_owning_unit_over_the_phone_line_is_no_part_of_the_position_though_the_scan_lost_its_margin():
    fields = fields_of("เรียน  รัฐมนตรีว่าการกระทรวงมหาดไทย\n      จึงเรียนมาเพื่อโปรดทราบ\n"
                       "             ขอแสดงความนับถือ\n  (นายประเสริฐ วงศ์ใหญ่)\n  อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
                       "                กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น\n                โทร. 0 2241 9000 ต่อ 4112\n")
    assert fields["signer_position"] == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def test_an_announcement_whose_title_the_scan_lost_is_known_by_its_date_line():
    fields = fields_of(
        ".9ี๊“\nเรื่อง ช่องทางการยื่นเรื่องร้องเรียนถึงรัฐมนตรีว่าการกระทรวงศึกษาธิการ\n\n"
        "        เพื่อให้ประชาชนสามารถยื่นเรื่องร้องเรียน ร้องทุกข์ หรือขอความช่วยเหลือต่อรัฐมนตรีได้โดยสะดวก\n"
        "สำนักงานรัฐมนตรีจะแจ้งผลการพิจารณาให้ผู้ร้องทราบภายใน 15 วันทำการ นับแต่วันที่ 1 ธันวาคม 2569\n\n"
        "                    ประกาศ ณ วันที่ 27 พฤศจิกายน พ.ศ. 2569\n\n"
        "                         (นายประสาน ราชการดี)\n                       หัวหน้าสำนักงานรัฐมนตรี\n")
    assert fields["kind"] == "announcement"  # not a complaint, for all its ร้องเรียน
    assert fields["date"] == "2026-11-27"  # its own date line, not the body's
    assert fields["signer"] == "นายประสาน ราชการดี"


@pytest.mark.parametrize("sent", ["Sent: Friday, December 4, 2026 8:02 AM", "Date: Fri, 4 Dec 2026 08:02:11 +0700",
                                  "วันที่ส่ง: 4 ธันวาคม 2569 08:02"])
def test_a_printed_e_mail_is_dated_by_its_sent_header(sent):
    fields = fields_of(f"From: Thanapol Wongyai <thanapol.w@example.net>\n{sent}\nTo: complaint@moe.example.go.th\n"
                       "Subject: ขอความเป็นธรรม\n\nกราบเรียน ท่านรัฐมนตรีว่าการกระทรวงศึกษาธิการ\n\n"
                       "กระผม นายธนพล วงศ์ใหญ่ ครูอัตราจ้าง ขอความเป็นธรรมกรณีค้างจ่ายค่าจ้างตั้งแต่เดือนสิงหาคม ๒๕๖๙\n")
    assert fields["date"] == "2026-12-04"


def test_enclosures_re_flowed_to_the_margin_go_on_at_the_next_line():
    fields = fields_of(
        "ที่ อว 78.01/1\nเรื่อง ขอความร่วมมือ\nเรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n"
        "สิ่งที่ส่งมาด้วย ๑. โครงการวิจัยสุขภาวะนักเรียนในโรงเรียนสังกัดสำนักงานคณะ\n"
        "กรรมการการศึกษาขั้นพื้นฐาน ๒. หนังสือรับรองจริยธรรมการวิจัยในมนุษย์ในโครงการ\n"
        "        ตามหนังสือที่อ้างถึง  กระทรวงศึกษาธิการได้อนุญาตให้มหาวิทยาลัย\n"
        "ดำเนินโครงการวิจัยสุขภาวะนักเรียน นั้น มหาวิทยาลัยจึงขอความร่วมมือประสาน\n")
    assert fields["enclosures"] == ["โครงการวิจัยสุขภาวะนักเรียนในโรงเรียนสังกัดสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
                                    "หนังสือรับรองจริยธรรมการวิจัยในมนุษย์ในโครงการ"]


def test_a_stamp_letter_whose_date_was_not_read_is_from_the_office_above_its_seal_not_whom_it_goes_to():
    fields = fields_of("ที่ กค ๐๔๑๐.๓/๒๒๑๔\nถึง สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ\n"
                       "      ด้วยกรมบัญชีกลางได้ตอบข้อหารือของสำนักงานรัฐมนตรีเกี่ยวกับการเบิกค่าเดินทางไปราชการ\n"
                       "ของผู้ติดตามรัฐมนตรีแล้ว จึงขอส่งสำเนาหนังสือตอบข้อหารือมาเพื่อโปรดทราบ\n"
                       "                     กรมบัญชีกลาง\n                     ๙ ธ.ค. ๕๖๙\n                     (ประทับตรา)\n"
                       "กองการเงินการคลังภาครัฐ\nโทร. ๐ ๒๑๒๗ ๗๐๐๐ ต่อ ๖๔๓๒\n")
    assert fields["kind"] == "stamp" and fields["from_agency"] == "กรมบัญชีกลาง"


def test_a_ministrys_number_at_the_top_whose_ti_a_scan_lost_is_the_letters_number_less_surely():
    parsed = parse("ศธ 04002/ว 2871 สำนักงานคณะกรรมการการศึกษา\n                          ขั้นพื้นฐาน\n"
                   "                 30 พฤศจิกายน ๒๕๖๙\nเรื่อง การจัดสรรงบประมาณ\nเรียน ผู้อำนวยการสำนักงานเขตพื้นที่\n")
    assert parsed.fields["doc_number"] == "ศธ 04002/ว 2871" and parsed.fields["kind"] == "circular"
    assert parsed.confidence["doc_number"] < 0.85


# ---- positioned words ---------------------------------------------------------------------------------------

def test_clusters_are_laid_out_in_rows_and_columns():
    clusters = [page.Cluster(ch, x, x + 5, 0, 10) for x, ch in ((0, "ท"), (5, "ี่"))]
    clusters += [page.Cluster(ch, 200 + 5 * i, 205 + 5 * i, 1, 11) for i, ch in enumerate("กรม")]
    clusters += [page.Cluster(ch, 200 + 5 * i, 205 + 5 * i, 20, 30) for i, ch in enumerate("ถนน")]
    text = page.lay_out(clusters)
    first, second = text.split("\n")
    assert first.startswith("ที่") and first.rstrip().endswith("กรม") and "  " in first
    assert second == " " * 40 + "ถนน"  # 200 points at 5 a character


def test_a_pdf_text_layer_keeps_its_columns():
    data = pdf_bytes(["ที่ มท 0801.1/1401                    กรมส่งเสริมการปกครองท้องถิ่น",
                      "                                      ถนนนครราชสีมา เขตดุสิต"])
    text = extract.pdf_pages(data)[0].text
    first, second = [line for line in text.split("\n") if line.strip()]
    assert first.startswith("ที่ มท 0801.1/1401") and "   กรมส่งเสริม" in first
    assert second.startswith(" " * 10) and second.strip() == "ถนนนครราชสีมา เขตดุสิต"


def test_ocr_lines_are_indented_from_their_word_boxes():
    texts = ["ที่ ศธ 0201/1 กรมหนึ่ง", "ถนนหนึ่ง", "เรื่อง ทดสอบ ระบบ"]
    words = [[("ที่", 100, 130), ("ศธ", 140, 170), ("0201/1", 180, 280), ("กรมหนึ่ง", 900, 1040)],
             [("ถนนหนึ่ง", 900, 1040)], [("เรื่อง", 100, 190), ("ทดสอบ", 200, 300), ("ระบบ", 310, 380)]]
    out = ocr.indent_lines(texts, words)
    assert out[2].startswith("เรื่อง") and out[1].startswith(" " * 20)
    assert out[0].startswith("ที่ ศธ 0201/1  ") and out[0].endswith("กรมหนึ่ง")
    assert ocr.tidy_line("Ins. 0 2283 4178") == "โทร. 0 2283 4178"
    assert ocr.tidy_line("ย ที่ ๑๒๓/๒๕๖๙ ย") == "ที่ ๑๒๓/๒๕๖๙"


# ---- red stamps ------------------------------------------------------------------------------------------------

def test_red_ink_is_lifted_off_the_page_and_cut_into_stamps():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 40, 300, 90), outline=(200, 30, 40), width=4)
    draw.rectangle((50, 300, 300, 350), fill=(210, 20, 30))
    draw.text((60, 200), "black type", fill="black")
    grey, crops = stamps.split_red(image)
    assert grey.mode == "L" and len(crops) == 2
    assert grey.getpixel((52, 60)) == 255 and grey.getpixel((175, 320)) == 255  # the stamps are gone
    assert grey.crop((60, 195, 200, 215)).getextrema()[0] < 100  # the type stays


@pytest.mark.parametrize(("read", "mark"), [("ด่วนทีสุด", "ด่วนที่สุด"), ("ดวนมาก", "ด่วนมาก"), ("ลบ", "ลับ"),
                                             ("ลับมาก", "ลับมาก"), ("สวัสดีครับ", None), ("", None)])
def test_a_stamp_is_matched_to_the_nearest_mark(read, mark):
    assert stamps.nearest_mark(read) == mark


@pytest.mark.ocr
def test_a_scan_with_a_red_urgency_stamp_over_the_letterhead():
    import sys

    sys.path.insert(0, str(LETTERS.parent))
    sys.path.insert(0, str(LETTERS))
    from intake_layout import scan

    lines = (LETTERS / "layout/l06_circular_wo_number_footer.txt").read_text(encoding="utf-8").split("\n")
    image = scan(lines, 300, seed=6)
    import io

    out = io.BytesIO()
    image.save(out, "PNG", dpi=(300, 300))
    result = pipeline.run(out.getvalue(), "scan.png")
    assert result.fields["urgency"] == "ด่วนมาก"
    assert result.fields["doc_number"] == "นร 0105.04/ว 50"
    assert result.fields["from_agency"] == "ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี"
