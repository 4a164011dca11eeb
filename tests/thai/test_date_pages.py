"""Every page's date field is the Thai Buddhist-era text box: no browser Gregorian picker anywhere, what
is typed in BE is stored as the right Christian-era date, and dates are shown back in BE."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.correspondence.models import RegisterEntry
from prasan.documents import drafting
from prasan.matters.models import Matter

ROOT = Path(__file__).resolve().parents[2]
NATIVE = re.compile(r"""type\s*=\s*["']?(date|datetime-local|month|week)\b|["']type["']\s*:\s*["'](date|datetime-local)["']""")
DATE_BOX = re.compile(r'<input[^>]*data-thai-date[^>]*>')


def test_no_template_or_form_asks_the_browser_for_its_gregorian_picker():
    sources = [*(ROOT / "prasan").rglob("*.html"), *(ROOT / "prasan").rglob("*.py")]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sources
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if NATIVE.search(line)]
    assert found == []


@pytest.fixture
def pages(make_matter, users, agencies):
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย")
    document = drafting.start(matter, "summary_note", by=users["coordinator"])
    return {
        "รายการเรื่อง": reverse("matter-list"),
        "บันทึกคำสั่งการ": reverse("quick-command"),
        "รับเรื่องเป็นหนังสือ": reverse("matter-new"),
        "แก้ไขเรื่อง": reverse("matter-edit", args=[matter.pk]),
        "หน้าเรื่อง": reverse("matter-detail", args=[matter.pk]),
        "บันทึกการประสาน": reverse("activity-new", args=[matter.pk]),
        "ส่งคำขอ": reverse("requests-new", args=[matter.pk]),
        "ลงทะเบียนรับ": reverse("register-new", args=["incoming"]),
        "ทะเบียนรับ": reverse("register-list", args=["incoming"]),
        "ค้นหา": reverse("search") + "?q=ครู",
        "เอกสาร": reverse("document-detail", args=[document.pk]),
    }


@pytest.mark.django_db
def test_every_page_with_a_date_field_renders_the_thai_date_box(login, users, pages):
    client = login(users["head"])
    for name, url in pages.items():
        body = client.get(url).content.decode()
        assert not NATIVE.search(body), name
        if name not in ("หน้าเรื่อง", "ค้นหา") or "วันที่" in body:
            assert DATE_BOX.search(body), f"{name}: ไม่มีช่องวันที่แบบไทย"
    holidays = login(users["admin"]).get(reverse("holidays")).content.decode()
    assert DATE_BOX.search(holidays) and not NATIVE.search(holidays)


@pytest.mark.django_db
def test_a_deadline_typed_in_buddhist_era_is_stored_as_the_christian_date(login, users, unit):
    today = dt.date.today()
    be_next_year = today.year + 1 + 543
    response = login(users["coordinator"]).post(reverse("matter-new"), {
        "title": "ขอข้อมูลงบประมาณ", "source": "written_command", "duty_type": "analysis", "kind": "substantive",
        "process": "main", "urgency": "normal", "secrecy": "0", "owner_unit": unit.pk,
        "deadline_date": f"๗ ธ.ค. {str(be_next_year)[2:]}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")),
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    matter = Matter.objects.get(title="ขอข้อมูลงบประมาณ")
    assert matter.external_deadline == dt.date(today.year + 1, 12, 7)


@pytest.mark.django_db
def test_an_ambiguous_year_is_refused_in_thai_and_what_was_typed_stays(login, users, unit):
    response = login(users["coordinator"]).post(reverse("matter-new"), {
        "title": "ขอข้อมูลงบประมาณ", "source": "written_command", "duty_type": "analysis", "kind": "substantive",
        "process": "main", "urgency": "normal", "secrecy": "0", "deadline_date": "7/12/2300",
    })
    body = response.content.decode()
    assert response.status_code == 200
    assert "ไม่ชัดเจนว่าเป็น พ.ศ. หรือ ค.ศ." in body and 'value="7/12/2300"' in body
    assert not Matter.objects.filter(title="ขอข้อมูลงบประมาณ").exists()


@pytest.mark.django_db
def test_the_register_takes_a_be_letter_date_and_shows_it_back_in_be(login, users):
    client = login(users["registrar"])
    response = client.post(reverse("register-new", args=["incoming"]), {
        "doc_number": "ศธ 04001/1234", "letter_date": "28 พฤศจิกายน 2569", "sender": "สพฐ.", "recipient": "รมว.ศธ.",
        "subject": "ขอความอนุเคราะห์ข้อมูล", "urgency": "", "secrecy": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = RegisterEntry.objects.get(doc_number="ศธ 04001/1234")
    assert entry.letter_date == dt.date(2026, 11, 28)
    listing = client.get(reverse("register-list", args=["incoming"])).content.decode()
    assert "28 พ.ย. 2569" in listing and "2026" not in listing.split("<main", 1)[1]


@pytest.mark.django_db
def test_the_document_editor_reads_be_dates_and_keeps_iso_in_the_data(login, users, make_matter):
    """The ตรวจเสนอ date typed 2569-12-07 once printed "๗ ธ.ค. ๓๑๑๒"."""
    matter = make_matter()
    document = drafting.start(matter, "summary_note", by=users["coordinator"])
    client = login(users["coordinator"])
    form = {k: v for k, v in _editor_values(client, document.pk).items()}
    form.update({"doc_date": "2569-12-07", "reviewers": "นายสมชาย ใจดี | ผู้อำนวยการกลุ่ม | 7 ธ.ค. 69"})
    response = client.post(reverse("document-detail", args=[document.pk]), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    document.refresh_from_db()
    assert document.fields["doc_date"] == "2026-12-07"
    assert document.fields["reviewers"][0]["date"] == "2026-12-07"
    page = client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert 'value="7 ธ.ค. 2569"' in page and "7 ธ.ค. 2569" in page and "3112" not in page
    from prasan.documents.forms import get_form
    from prasan.documents.forms.base import Printer

    reviewers = next(f for f in get_form("summary_note").fields if f.name == "reviewers")
    printed = Printer("thai").person(reviewers.clean(document.fields["reviewers"])[0])
    assert printed["date"] == "๗ ธ.ค. ๒๕๖๙"


@pytest.mark.django_db
def test_the_editor_refuses_a_bad_reviewer_date_in_thai(login, users, make_matter):
    document = drafting.start(make_matter(), "summary_note", by=users["coordinator"])
    client = login(users["coordinator"])
    form = _editor_values(client, document.pk)
    form["reviewers"] = "นายสมชาย ใจดี | ผู้อำนวยการกลุ่ม | 31/2/2569"
    body = client.post(reverse("document-detail", args=[document.pk]), form).content.decode()
    assert "บรรทัดที่ 1: ไม่มีวันที่ 31 กุมภาพันธ์ 2569" in body


@pytest.mark.django_db
def test_the_version_compare_page_shows_dates_in_be(login, users, make_matter):
    document = drafting.start(make_matter(), "summary_note", by=users["coordinator"])
    document = drafting.save_version(document, document.fields | {"doc_date": "2026-12-07"}, by=users["coordinator"])
    document = drafting.save_version(document, document.fields | {"doc_date": "2026-12-08"}, by=users["coordinator"])
    body = login(users["coordinator"]).get(
        reverse("document-compare", args=[document.pk]) + f"?a={document.version - 1}&b={document.version}"
    ).content.decode()
    assert "7 ธ.ค. 2569" in body and "8 ธ.ค. 2569" in body and "2026-12-0" not in body


def _editor_values(client, pk) -> dict:
    """What the editor form holds now, as a browser would send it back."""
    page = client.get(reverse("document-detail", args=[pk]))
    form = page.context["fields_form"]
    values = {}
    for name, field in form.fields.items():
        value = form[name].value()
        values[name] = form[name].field.widget.format_value(value) if hasattr(field, "widget") else value
        if values[name] is None:
            values[name] = ""
    return values


@pytest.mark.django_db
def test_the_configuration_pages_take_be_dates_too(login, users, make_matter, agencies):
    from prasan.coordination.models import AgencyRequest

    matter = make_matter()
    request = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูล", created_by=users["head"],
                                           deadline=dt.date(2026, 12, 7))
    client = login(users["admin"])
    url = reverse("admin:coordination_agencyrequest_change", args=[request.pk])
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200 and 'value="7 ธ.ค. 2569"' in body and "vDateField" not in body
    assert "thai-date.js" in body
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update({"deadline": "15 ธ.ค. 2569", "created_at_0": "1 ธ.ค. 2569", "created_at_1": "09:30"})
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    data.pop("created_at", None)
    response = client.post(url, data)
    assert response.status_code == 302, [str(e) for e in response.context["adminform"].form.errors.items()]
    request.refresh_from_db()
    assert request.deadline == dt.date(2026, 12, 15)
    assert timezone.localtime(request.created_at).replace(tzinfo=None) == dt.datetime(2026, 12, 1, 9, 30)
    assert client.get(reverse("admin:matters_matter_change", args=[matter.pk])).status_code == 200


@pytest.mark.django_db
def test_the_matter_list_filter_reads_be_dates_and_says_when_it_cannot(login, users, make_matter):
    make_matter(title="เรื่องวันนี้")
    client = login(users["head"])
    today = timezone.localdate()
    typed = f"{today.day}/{today.month}/{today.year + 543}"
    body = client.get(reverse("matter-list"), {"created_from": typed, "created_to": typed}).content.decode()
    assert "เรื่องวันนี้" in body and f'value="{today.day} ' in body
    body = client.get(reverse("matter-list"), {"created_from": "31/2/2569"}).content.decode()
    assert "ไม่มีวันที่ 31 กุมภาพันธ์ 2569" in body and 'value="31/2/2569"' in body
