"""The same incoming letter registered twice: warned with a link, registered again only on purpose, audited."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.correspondence import numbering
from prasan.correspondence.duplicates import DuplicateLetter, find_duplicate
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter

from .test_intake_pages import confirm_data

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 1, 15)
OBEC = "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
LETTER = (Path(__file__).resolve().parents[2] / "bench" / "letters" / "01_ext_obec_teachers.txt").read_bytes()


@pytest.fixture
def first(office, users):
    return numbering.register_entry(office, "incoming", by=users["registrar"], doc_number="ศธ 04006/1234",
                                    letter_date=DAY, sender=OBEC, subject="ขอข้อมูลจำนวนครูผู้ช่วย")


def again(office, users, **fields):
    letter = {"doc_number": "ศธ 04006/1234", "letter_date": DAY, "sender": OBEC, "subject": "ขอข้อมูลจำนวนครูผู้ช่วย"}
    return numbering.register_entry(office, "incoming", by=users["registrar"], **{**letter, **fields})


# ---- the rule ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("doc_number,sender", [
    ("ศธ 04006/1234", OBEC),
    ("ศธ ๐๔๐๐๖/๑๒๓๔", OBEC),                                   # Thai digits
    ("ศธ04006 / 1234", "สำนักงานคณะกรรมการ การศึกษาขั้นพื้นฐาน"),   # other spacing
    ("ศธ\u00a004006/1234", "สํานักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"),  # no-break space; ำ typed as ํ + า
])
def test_the_same_letter_written_either_way_is_refused_and_uses_no_number(first, office, users, doc_number, sender):
    with pytest.raises(DuplicateLetter, match="ลงทะเบียนไว้แล้ว") as refused:
        again(office, users, doc_number=doc_number, sender=sender)
    assert refused.value.existing == first
    assert RegisterEntry.objects.count() == 1
    assert again(office, users, doc_number="ศธ 04006/1235").number == 2  # the refused one took no number


@pytest.mark.parametrize("change", [{"doc_number": "ศธ 04006/1235"}, {"letter_date": DAY + dt.timedelta(days=1)},
                                    {"sender": "สำนักงานคณะกรรมการการอาชีวศึกษา"}])
def test_a_letter_differing_in_number_date_or_sender_is_not_a_duplicate(first, office, users, change):
    assert again(office, users, **change).number == 2


@pytest.mark.parametrize("missing", ["doc_number", "letter_date"])
def test_without_a_number_or_a_date_nothing_can_be_matched(first, office, users, missing):
    again(office, users, **{missing: "" if missing == "doc_number" else None})
    assert RegisterEntry.objects.count() == 2


def test_registering_again_on_purpose_is_audited_with_the_entry_it_repeats(first, office, users):
    second = again(office, users, duplicate_ok=True)
    event = AuditEvent.objects.get(action="register.duplicate_confirmed")
    assert event.object_id == str(second.pk) and event.data["duplicate_of"] == first.pk


def test_a_cancelled_entry_is_no_duplicate(first, office, users):
    numbering.cancel(first, by=users["registrar"], reason="ลงผิด")
    assert again(office, users).number == 2


def test_a_secret_letter_is_found_in_the_secret_register_only_by_the_cleared(office, users):
    secret = numbering.register_entry(office, "secret", by=users["head"], doc_number="ศธ 04006/99", letter_date=DAY,
                                      sender=OBEC, subject="ลับ", secrecy=1)
    letter = {"doc_number": "ศธ ๐๔๐๐๖/๙๙", "letter_date": DAY, "sender": OBEC}
    assert find_duplicate(office, "incoming", user=users["coordinator"], **letter) == secret
    assert find_duplicate(office, "incoming", user=users["uncleared"], **letter) is None


def test_outgoing_registers_are_not_searched(first, office, users):
    assert find_duplicate(office, "outgoing", user=users["registrar"], doc_number="ศธ 04006/1234",
                          letter_date=DAY, sender=OBEC) is None


# ---- the register page --------------------------------------------------------------------------------------

def post_entry(client, **extra):
    return client.post(reverse("register-new", args=["incoming"]), {
        "doc_number": "ศธ ๐๔๐๐๖/๑๒๓๔", "letter_date": DAY.isoformat(), "sender": OBEC,
        "subject": "ขอข้อมูลจำนวนครูผู้ช่วย", "secrecy": "0", **extra})


def test_the_register_page_warns_links_and_keeps_what_was_typed(first, users, login):
    response = post_entry(login(users["registrar"]))
    page = response.content.decode()
    assert response.status_code == 409
    assert "หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว" in page
    assert reverse("register-entry", args=["incoming", first.pk]) in page
    assert 'name="duplicate_ok"' in page and "ศธ ๐๔๐๐๖/๑๒๓๔" in page
    assert RegisterEntry.objects.count() == 1


def test_the_register_page_registers_again_when_confirmed(first, users, login):
    response = post_entry(login(users["registrar"]), duplicate_ok="on")
    assert response.status_code == 302
    assert RegisterEntry.objects.count() == 2
    assert AuditEvent.objects.filter(action="register.duplicate_confirmed").count() == 1


def test_the_register_page_asks_nothing_of_a_new_letter(users, login):
    client = login(users["registrar"])
    assert 'name="duplicate_ok"' not in client.get(reverse("register-new", args=["incoming"])).content.decode()
    assert post_entry(client).status_code == 302


# ---- the intake confirm screen ----------------------------------------------------------------------------

@pytest.fixture
def read_letter(users, login, django_capture_on_commit_callbacks):
    """The sample letter uploaded and read (its task queued on commit); returns (client, intake)."""
    client = login(users["registrar"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("intake-home"), {"file": SimpleUploadedFile("letter.txt", LETTER)})
    return client, LetterIntake.objects.get()


def registered_before(office, users, intake):
    fields = intake.fields
    return numbering.register_entry(office, "incoming", by=users["registrar"],
                                    doc_number=fields["doc_number"].replace(" ", ""),
                                    letter_date=dt.date.fromisoformat(fields["date"]),
                                    sender=fields["from_agency"], subject=fields["subject"])


def test_the_confirm_screen_warns_before_anything_is_typed(read_letter, office, users):
    client, intake = read_letter
    earlier = registered_before(office, users, intake)
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว" in page
    assert reverse("register-entry", args=["incoming", earlier.pk]) in page


def test_confirming_a_duplicate_saves_nothing_not_even_the_matter(read_letter, office, users):
    client, intake = read_letter
    registered_before(office, users, intake)
    response = client.post(reverse("intake-detail", args=[intake.pk]), confirm_data(intake))
    assert response.status_code == 409
    assert "หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว" in response.content.decode()
    assert RegisterEntry.objects.count() == 1 and Matter.objects.count() == 0
    intake.refresh_from_db()
    assert intake.status == "ready"


def test_confirming_on_purpose_registers_and_is_audited(read_letter, office, users):
    client, intake = read_letter
    registered_before(office, users, intake)
    response = client.post(reverse("intake-detail", args=[intake.pk]), confirm_data(intake, duplicate_ok="on"))
    assert response.status_code == 302
    assert RegisterEntry.objects.filter(register="incoming").count() == 2
    assert AuditEvent.objects.filter(action="register.duplicate_confirmed").count() == 1


def test_a_new_letter_confirms_without_a_question(read_letter):
    client, intake = read_letter
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "อาจลงทะเบียนไว้แล้ว" not in page
