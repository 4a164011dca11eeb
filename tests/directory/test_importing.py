from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prasan.audit.models import AuditEvent
from prasan.directory import csvfile
from prasan.directory.importing import CsvFileError, import_agencies
from prasan.directory.models import Agency, Contact

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "agencies-sample.csv"

OPS = ["สำนักงานปลัดกระทรวงศึกษาธิการ", "สป.", "", "0 2000 0001", "saraban@ops.example",
       "สมศรี ตัวอย่าง", "นักวิเคราะห์นโยบายและแผน", "somsri@ops.example"]
DOLE = ["สำนักงานส่งเสริมการเรียนรู้", "สกร.", "สป.", "๐ ๒๐๐๐ ๐๐๔๑", "saraban@dole.example", "", "", ""]
ONEC = ["สำนักงานเลขาธิการสภาการศึกษา", "สกศ.", "", "", "saraban@onec.example", "", "", ""]


def test_it_imports_agencies_and_liaison_officers(db, make_csv):
    result = import_agencies(make_csv([OPS, DOLE, ONEC]))

    assert result.ok and (result.created, result.updated, result.contacts_created) == (3, 0, 1)
    ops = Agency.objects.get(abbreviation="สป.")
    assert Agency.objects.get(abbreviation="สกร.").parent == ops
    contact = ops.contacts.get()
    assert (contact.name, contact.email, contact.is_liaison) == ("สมศรี ตัวอย่าง", "somsri@ops.example", True)


def test_it_keeps_thai_digits_in_phone_numbers_as_written(db, make_csv):
    import_agencies(make_csv([OPS, DOLE]))
    assert Agency.objects.get(abbreviation="สกร.").phone == "๐ ๒๐๐๐ ๐๐๔๑"


def test_it_reads_excel_utf8_with_bom(db, make_csv):
    result = import_agencies(make_csv([OPS], bom=True))
    assert result.ok
    assert Agency.objects.filter(name="สำนักงานปลัดกระทรวงศึกษาธิการ").exists()


def test_it_detects_thai_windows_cp874_files(db, make_csv):
    data = make_csv([OPS, DOLE], encoding="cp874")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    result = import_agencies(data)

    assert result.ok, result.errors
    assert Agency.objects.get(abbreviation="สกร.").name == "สำนักงานส่งเสริมการเรียนรู้"
    assert Contact.objects.get().position == "นักวิเคราะห์นโยบายและแผน"


def test_it_reads_excel_unicode_text_tab_separated_utf16(db):
    text = "ชื่อหน่วยงาน\tอักษรย่อ\r\nสำนักงานเลขาธิการสภาการศึกษา\tสกศ.\r\n"
    assert import_agencies(text.encode("utf-16")).ok
    assert Agency.objects.get().abbreviation == "สกศ."


def test_it_accepts_english_headers_and_an_open_binary_file(db, tmp_path):
    path = tmp_path / "agencies.csv"
    path.write_text("name,abbreviation,parent,contact_name,contact_phone\r\n"
                    "สำนักงานคณะกรรมการการอาชีวศึกษา,สอศ.,,สุดารัตน์ สมมติ,0 2000 0022\r\n", encoding="utf-8")
    with path.open("rb") as handle:
        result = import_agencies(handle)
    assert result.ok
    assert Contact.objects.get().phone == "0 2000 0022"


def test_it_reports_every_row_error_and_writes_nothing(db, make_csv):
    bad_email = ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "สพฐ.", "", "", "saraban@@obec", "", "", ""]
    unknown_parent = ["สำนักงานเขตพื้นที่การศึกษาประถมศึกษากรุงเทพมหานคร", "สพป.กทม.", "สพม.", "", "", "", "", ""]

    result = import_agencies(make_csv([OPS, bad_email, unknown_parent, ONEC]))

    assert not result.ok
    assert [row for row, _ in result.errors] == [3, 4]
    assert "อีเมลไม่ถูกต้อง" in result.errors[0][1]
    assert "ไม่พบหน่วยงานสังกัด" in result.errors[1][1] and "สพม." in result.errors[1][1]
    assert not Agency.objects.exists() and not Contact.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_rejects_missing_names_duplicates_and_a_contact_without_a_name(db, make_csv):
    no_name = ["", "สพฐ.", "", "", "", "", "", ""]
    contact_without_name = ["สำนักงานคณะกรรมการการอาชีวศึกษา", "สอศ.", "", "", "", "", "", "x@vec.example"]

    result = import_agencies(make_csv([OPS, no_name, OPS, contact_without_name]))

    errors = dict(result.errors)
    assert errors[3] == "ต้องระบุชื่อหน่วยงาน"
    assert "ซ้ำกับแถวที่ 2" in errors[4]
    assert "ไม่ได้ระบุชื่อผู้ประสานงาน" in errors[5]
    assert not Agency.objects.exists()


def test_a_parent_must_come_before_the_rows_under_it(db, make_csv):
    result = import_agencies(make_csv([DOLE, OPS]))
    assert [row for row, _ in result.errors] == [2]


def test_it_refuses_a_parent_that_would_make_a_loop(db, agencies, make_csv):
    obec, _ = agencies
    child = Agency.objects.create(name="สำนักงานเขตพื้นที่การศึกษาประถมศึกษากรุงเทพมหานคร", parent=obec)

    result = import_agencies(make_csv([[obec.name, "", child.name, "", "", "", "", ""]]))

    assert "วงวน" in dict(result.errors)[2]
    obec.refresh_from_db()
    assert obec.parent is None


def test_it_updates_agencies_by_name_and_keeps_what_an_empty_cell_leaves_out(db, agencies, make_csv):
    obec, vec = agencies
    rows = [[obec.name, "สพฐ.", "", "0 2000 0011", "new@obec.example", "สมชาย ใจดี", "ผู้อำนวยการกลุ่ม", ""],
            [vec.name, "", "สพฐ", "", "", "", "", ""]]

    result = import_agencies(make_csv(rows))

    assert result.ok and (result.created, result.updated, result.contacts_updated) == (0, 2, 1)
    obec.refresh_from_db()
    vec.refresh_from_db()
    assert (obec.email, obec.phone, obec.line_id) == ("new@obec.example", "0 2000 0011", "Uobec")
    assert vec.parent == obec and vec.email == "saraban@vec.example"  # "สพฐ" matched "สพฐ." ignoring the dot
    liaison = obec.contacts.get()
    assert (liaison.position, liaison.email) == ("ผู้อำนวยการกลุ่ม", "liaison@obec.example")
    assert AuditEvent.objects.filter(action="agency.update", object_id=str(obec.pk)).exists()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db, make_csv):
    data = make_csv([OPS, DOLE, ONEC])
    import_agencies(data)
    again = import_agencies(data)
    assert (again.created, again.updated, again.unchanged, again.contacts_created) == (0, 0, 3, 0)


def test_the_imported_liaison_becomes_the_only_main_liaison(db, agencies, make_csv):
    obec, _ = agencies
    import_agencies(make_csv([[obec.name, "", "", "", "", "วีระ ทดลองดี", "", "weera@obec.example"]]))
    assert list(obec.contacts.filter(is_liaison=True).values_list("name", flat=True)) == ["วีระ ทดลองดี"]
    assert obec.contacts.count() == 2


def test_a_dry_run_counts_but_writes_nothing(db, agencies, make_csv):
    obec, _ = agencies
    rows = [OPS, [obec.name, "", "", "", "changed@obec.example", "", "", ""]]

    result = import_agencies(make_csv(rows), dry_run=True)

    assert result.ok and (result.created, result.updated, result.contacts_created) == (1, 1, 1)
    assert "ยังไม่ได้บันทึก" in result.summary()
    assert Agency.objects.count() == 2 and Contact.objects.count() == 2
    obec.refresh_from_db()
    assert obec.email == "saraban@obec.example"


def test_row_numbers_count_records_even_when_an_address_spans_lines(db):
    text = ("ชื่อหน่วยงาน,ที่อยู่,อีเมล\r\n"
            "สำนักงานปลัดกระทรวงศึกษาธิการ,\"319 ถนนราชดำเนินนอก\r\nเขตดุสิต\",ok@ops.example\r\n"
            "สำนักงานเลขาธิการสภาการศึกษา,,bad-email\r\n")
    assert import_agencies(text).errors == [(3, "อีเมลไม่ถูกต้อง: bad-email")]


def test_it_reports_unknown_and_missing_header_columns_at_row_one(db):
    result = import_agencies("หน่วย,เบอร์แฟกซ์\r\nสป.,1\r\n")
    assert [row for row, _ in result.errors] == [1, 1, 1]
    assert any("ไม่พบคอลัมน์" in message for _, message in result.errors)


@pytest.mark.parametrize("data, words", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
    (b"\x00\x01\x02binary\xff\xfe\x00", "ไม่ใช่"),
    (b"", "ว่างเปล่า"),
])
def test_it_rejects_files_that_are_not_csv(db, data, words):
    with pytest.raises(CsvFileError, match=words):
        import_agencies(data)


def test_the_sample_file_in_docs_imports_cleanly(db):
    result = import_agencies(SAMPLE.read_bytes())
    assert result.ok, result.errors
    assert result.created == 8
    assert Agency.objects.get(abbreviation="สพป.กทม.").parent.abbreviation == "สพฐ."


THAI_AND_ASCII = "".join(chr(c) for c in [*range(0x0E01, 0x0E3B), *range(0x0E3F, 0x0E5C), *range(0x20, 0x7F)])


@given(st.text(alphabet=THAI_AND_ASCII, min_size=1).filter(str.strip))
@example("ยก")  # in cp874 these two bytes are also valid UTF-8 ("¡")
def test_utf8_bom_utf8_and_cp874_files_decode_to_the_same_text(text):
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("cp874")):
        assert csvfile.decode(data) == text
