"""Form fields: a form lacking a required part cannot be rendered, and the error names the part."""

import datetime as dt

import pytest

from prasan.documents.forms import FORMS, FormError, get_form

from .conftest import FORM_CODES, sample


def test_every_form_is_registered():
    assert set(FORMS) == set(FORM_CODES)


@pytest.mark.parametrize("code", FORM_CODES)
def test_sample_data_is_complete(code):
    get_form(code).clean(sample(code))


@pytest.mark.parametrize("code", FORM_CODES)
def test_it_names_every_missing_required_part_in_thai(code):
    spec = get_form(code)
    with pytest.raises(FormError) as caught:
        spec.clean({})
    required = {f.name: f.label for f in spec.fields if f.required and f.default is None}
    assert set(caught.value.errors) == set(required)
    for name, label in required.items():
        assert label in caught.value.errors[name]


@pytest.mark.parametrize("code", [c for c in FORM_CODES if "subject" in {f.name for f in get_form(c).fields}])
def test_it_rejects_a_blank_subject(code):
    data = sample(code) | {"subject": "   "}
    with pytest.raises(FormError) as caught:
        get_form(code).clean(data)
    assert caught.value.errors == {"subject": "ต้องระบุ “เรื่อง”"}


def test_it_rejects_a_field_the_form_does_not_have():
    with pytest.raises(FormError) as caught:
        get_form("office_memo").clean(sample("office_memo") | {"subjet": "พิมพ์ผิด"})
    assert caught.value.errors == {"subjet": "แบบ “บันทึกข้อความเสนอรัฐมนตรี” ไม่มีช่อง “subjet”"}


def test_it_rejects_a_date_that_is_not_iso():
    with pytest.raises(FormError) as caught:
        get_form("office_memo").clean(sample("office_memo") | {"date": "25/11/2569"})
    assert "ปปปป-ดด-วว" in caught.value.errors["date"]


def test_it_parses_iso_dates():
    values = get_form("office_memo").clean(sample("office_memo"))
    assert values["date"] == dt.date(2026, 11, 25)


def test_a_signer_needs_a_name_and_a_position():
    with pytest.raises(FormError) as caught:
        get_form("external_letter").clean(sample("external_letter") | {"signer": {"name": "นาย ก"}})
    assert caught.value.errors == {"signer": "ต้องระบุชื่อและตำแหน่งของ “ผู้ลงนาม”"}


def test_a_reviewer_without_a_name_is_named_by_position_in_the_list():
    data = sample("summary_note")
    data["reviewers"] = data["reviewers"] + [{"position": "หัวหน้ากลุ่ม"}]
    with pytest.raises(FormError) as caught:
        get_form("summary_note").clean(data)
    assert caught.value.errors == {"reviewers": "“ตรวจเสนอ” ลำดับที่ 3: ต้องระบุชื่อและตำแหน่ง"}


def test_urgency_and_secrecy_take_only_the_regulations_classes():
    data = sample("ps_memo") | {"urgency": "ด่วนพิเศษ", "secrecy": "ปกปิด"}
    with pytest.raises(FormError) as caught:
        get_form("ps_memo").clean(data)
    assert caught.value.errors["urgency"] == "“ชั้นความเร็ว” ต้องเป็น ด่วนที่สุด / ด่วนมาก / ด่วน"
    assert caught.value.errors["secrecy"] == "“ชั้นความลับ” ต้องเป็น ลับที่สุด / ลับมาก / ลับ"


def test_a_circular_number_must_carry_wor():
    with pytest.raises(FormError) as caught:
        get_form("circular").clean(sample("circular") | {"doc_number": "ศธ 0100/12"})
    assert "“ว”" in caught.value.errors["doc_number"]


def test_a_draft_may_wait_for_its_number_and_date_from_the_register():
    data = sample("office_memo")
    del data["doc_number"], data["date"]
    values = get_form("office_memo").clean(data)
    assert values["doc_number"] is None and values["date"] is None


def test_an_unknown_form_is_named():
    with pytest.raises(FormError) as caught:
        get_form("memo")
    assert "ไม่มีแบบ “memo”" in caught.value.errors["form"]
