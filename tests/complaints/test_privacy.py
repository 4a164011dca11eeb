import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prasan.audit.models import AuditEvent
from prasan.complaints import privacy, replies
from prasan.complaints.models import Breach, Complaint, Policy

from .conftest import PARENT


def test_the_tick_anonymises_complainants_past_retention_and_logs_it(make_complaint, users, office):
    old = make_complaint(details=f"ข้าพเจ้า{PARENT['name']} โทร {PARENT['phone']} ขอร้องเรียน")
    replies.conclude(old, by=users["coordinator"], result="resolved")
    recent = make_complaint()
    replies.conclude(recent, by=users["coordinator"], result="unsubstantiated")
    open_one = make_complaint()
    Complaint.objects.filter(pk=old.pk).update(concluded_at=timezone.now() - dt.timedelta(days=6 * 366))
    out = io.StringIO()
    call_command("tick", stdout=out)
    assert "ลบข้อมูลระบุตัวผู้ร้องตามกำหนดเก็บรักษา (เรื่อง) 1" in out.getvalue()
    old.refresh_from_db()
    assert old.anonymised_at and not any((old.complainant_name, old.complainant_phone, old.complainant_email,
                                          old.complainant_address))
    assert "สมหญิง" not in old.details and "ขอร้องเรียน" in old.details and old.subject  # the substance stays
    assert AuditEvent.objects.filter(action="complainant.anonymise", object_id=str(old.pk)).exists()
    for kept in (recent, open_one):
        kept.refresh_from_db()
        assert kept.complainant_name == PARENT["name"] and kept.anonymised_at is None
    call_command("tick", stdout=io.StringIO())  # once only
    assert AuditEvent.objects.filter(action="complainant.anonymise").count() == 1


def test_retention_follows_the_office_setting(make_complaint, users, office):
    complaint = make_complaint()
    replies.conclude(complaint, by=users["coordinator"], result="resolved")
    Complaint.objects.filter(pk=complaint.pk).update(concluded_at=timezone.now() - dt.timedelta(days=400))
    assert privacy.run_retention()["complainants_anonymised"] == 0
    Policy.objects.filter(office=office).update(retention_years=1)
    office._complaint_policy = None
    assert privacy.run_retention()["complainants_anonymised"] == 1


def test_correction_needs_a_reason_and_audits_fields_not_values(make_complaint, holder):
    complaint = make_complaint()
    with pytest.raises(ValidationError):
        privacy.correct(complaint, by=holder, changes={"phone": "0899999999"}, reason="")
    changed = privacy.correct(complaint, by=holder, changes={"phone": "0899999999"}, reason="ผู้ร้องเปลี่ยนเบอร์")
    assert changed == ["complainant_phone"]
    event = AuditEvent.objects.get(action="complainant.correct")
    assert event.data["fields"] == ["complainant_phone"] and "0899999999" not in str(event.data)


def test_the_data_subject_export_holds_everything_about_them(client, holder, make_complaint, users):
    make_complaint()
    make_complaint(subject="ขอย้ายโรงเรียนให้บุตร")
    make_complaint(complainant={"name": "นายอื่น ไม่เกี่ยว", "phone": "0900000000"})
    client.force_login(holder)
    url = reverse("complaint-subject")
    assert "เหตุผล" in client.get(url).content.decode()  # asked why first
    client.post(reverse("complaint-subject-reason"), {"reason": "ผู้ร้องขอสำเนาข้อมูลตามมาตรา ๓๐"})
    response = client.get(url, {"phone": "081 234 5678", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[10].value for row in sheet.iter_rows(min_row=3)]
    assert names == [PARENT["name"], PARENT["name"]]
    assert AuditEvent.objects.filter(action="complainant.subject_export").exists()


@pytest.mark.parametrize("who,status", [("coordinator", 403), ("registrar", 403), ("auditor", 403)])
def test_only_holders_reach_the_data_subject_page(login, users, who, status):
    assert login(users[who]).get(reverse("complaint-subject")).status_code == status


def test_the_breach_register_counts_72_hours(login, users, office):
    client = login(users["head"])
    discovered = timezone.localtime() - dt.timedelta(hours=80)
    response = client.post(reverse("complaint-breaches"), {
        "title": "ส่งอีเมลแจ้งผลถึงผู้ร้องผิดคน", "discovered_at_0": discovered.strftime("%d/%m/") + str(
            discovered.year + 543), "discovered_at_1": discovered.strftime("%H:%M"), "risk": "risk",
        "persons_affected": "1", "description": "", "measures": "ขอให้ผู้รับลบอีเมล"})
    assert response.status_code == 302, response.content.decode()[:3000]
    breach = Breach.objects.get()
    assert breach.report_overdue()
    body = client.get(reverse("complaint-breaches")).content.decode()
    assert "เกิน ๗๒ ชั่วโมง" in body
    client.post(reverse("complaint-breach-reported", args=[breach.pk]))
    breach.refresh_from_db()
    assert breach.reported_at and not breach.report_overdue()
    assert login(users["auditor"]).get(reverse("complaint-breaches")).status_code == 200
    assert login(users["coordinator"]).get(reverse("complaint-breaches")).status_code == 403


def test_a_breach_names_the_complaints_it_touched_and_only_visible_ones(login, users, office, make_complaint):
    shown = make_complaint()
    hidden = make_complaint(by=users["head"], subject="ร้องเรียนเรื่องลับ")
    hidden.matter.secrecy = 2
    hidden.matter.save(update_fields=["secrecy"])
    now = timezone.localtime()
    base = {"title": "แฟ้มผู้ร้องหาย", "discovered_at_0": now.strftime("%d/%m/") + str(now.year + 543),
            "discovered_at_1": now.strftime("%H:%M"), "risk": "risk", "persons_affected": "2", "description": "",
            "measures": ""}
    client = login(users["head"])
    refused = client.post(reverse("complaint-breaches"), dict(base, complaint_numbers="สร 999/2569"))
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "ไม่พบเรื่องร้องเรียนเลขที่ สร 999/2569" in page and "แฟ้มผู้ร้องหาย" in page
    both = f"{shown.matter.number}, {hidden.matter.number}"
    response = login(users["head"]).post(reverse("complaint-breaches"), dict(base, complaint_numbers=both))
    assert response.status_code == 302
    assert set(Breach.objects.get().complaints.all()) == {shown, hidden}
    page = login(users["auditor"]).get(reverse("complaint-breaches")).content.decode()  # cleared for none
    assert shown.get_absolute_url() in page and hidden.get_absolute_url() not in page


def test_the_record_of_processing_exports(login, users, make_complaint):
    make_complaint()
    response = login(users["head"]).get(reverse("complaint-ropa", args=["csv"]))
    text = response.content.decode("utf-8-sig")
    assert "มาตรา ๒๔ (๔)" in text and "5 ปีนับแต่ยุติเรื่อง" in text
    assert login(users["coordinator"]).get(reverse("complaint-ropa", args=["csv"])).status_code == 403


def test_the_privacy_notice_is_printable(login, users, office):
    body = login(users["registrar"]).get(reverse("complaint-notice")).content.decode()
    assert "ประกาศความเป็นส่วนตัว" in body and "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล" in body
