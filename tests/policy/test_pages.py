"""The policy pages — list, new, roll-up, one report, XLSX, memo, closing — as the right role, a wrong role, a user
without clearance and an anonymous caller; and the agency's report page behind its reply link."""

import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from prasan.coordination import links
from prasan.documents.models import Document
from prasan.policy import services
from prasan.policy.models import Policy, ProgressReport

from .conftest import TODAY, opened_dues

pytestmark = pytest.mark.django_db
KEEP = Path(__file__).resolve().parents[2] / "var" / "prints"


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def report(due, progress="40", **values):
    policy = due.commitment.policy
    kpis = {i.name: i for i in policy.indicators.all()}
    return services.submit_report(due, name="สมชาย ใจดี", progress=Decimal(progress), narrative="ดำเนินการตามแผน",
                                  values={kpis[k]: Decimal(v) for k, v in values.items()})


# ---- list ---------------------------------------------------------------------------------------------------

def test_the_list_shows_visible_policies_paged_with_few_queries(make_policy, login, users, smtp_server,
                                                                django_assert_max_num_queries):
    for n in range(3):
        make_policy(title=f"นโยบายที่ {n}")
    secret = make_policy(title="นโยบายลับ", secrecy=2)
    client = login(users["coordinator"])  # clearance ลับ: not ลับมาก
    with django_assert_max_num_queries(12):
        page = client.get(reverse("policy-list")).content.decode()
    assert "นโยบายที่ 0" in page and "นโยบายลับ" not in page and "พบ 3 นโยบาย" in page
    assert "รายงานค้าง" in page
    head = login(users["head"]).get(reverse("policy-list")).content.decode()
    assert "นโยบายลับ" in head
    assert login(users["uncleared"]).get(reverse("policy-detail", args=[secret.pk])).status_code == 404


def test_pages_ask_anonymous_callers_to_log_in(client, make_policy, smtp_server):
    policy = make_policy()
    for url in (reverse("policy-list"), reverse("policy-detail", args=[policy.pk]), reverse("policy-new")):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


# ---- new ----------------------------------------------------------------------------------------------------

def new_data(agencies, **extra):
    start = TODAY.replace(day=1) - dt.timedelta(days=40)
    data = {"kind": "directive", "title": "เร่งรัดการจัดหาครูให้โรงเรียนขนาดเล็ก", "description": "", "goals": "",
            "starts_on": be(start), "ends_on": be(start + dt.timedelta(days=330)), "schedule": "monthly",
            "report_dates": "", "urgency": "normal", "secrecy": "0",
            "kpi0_name": "ครูที่บรรจุเพิ่ม", "kpi0_unit": "คน", "kpi0_baseline": "0", "kpi0_target": "500",
            "agency0": str(agencies[0].pk), "agency0_role": "lead", "agency0_task": "บรรจุครู",
            "agency0_milestones": f"ประกาศรับสมัคร | {be(TODAY + dt.timedelta(days=30))}",
            "agency1": str(agencies[1].pk), "agency1_role": "support"}
    for i in range(2, 6):
        data[f"agency{i}_role"] = "support"
    data.update(extra)
    return data


def test_the_head_enters_a_policy_and_the_agencies_get_their_links(login, users, agencies, smtp_server):
    client = login(users["head"])
    response = client.post(reverse("policy-new"), new_data(agencies))
    policy = Policy.objects.get()
    assert response.status_code == 302 and response["Location"] == policy.get_absolute_url()
    assert policy.commitments.count() == 2 and policy.indicators.get().unit == "คน"
    assert policy.commitments.get(role="lead").milestones.count() == 1
    assert smtp_server.to("liaison@obec.example")


def test_bad_input_keeps_what_was_typed_and_says_why_in_thai(login, users, agencies):
    client = login(users["head"])
    data = new_data(agencies, kpi0_unit="", agency0_milestones="ประกาศรับสมัคร เดือนหน้า", agency1=str(agencies[0].pk))
    page = client.post(reverse("policy-new"), data)
    text = page.content.decode()
    assert page.status_code == 200 and not Policy.objects.exists()
    assert "ต้องมีหน่วยนับ" in text and "ชื่อขั้นงาน | วันที่" in text and "ซ้ำ" in text
    assert "เร่งรัดการจัดหาครูให้โรงเรียนขนาดเล็ก" in text


@pytest.mark.parametrize("who", ["minister", "auditor", "registrar"])
def test_roles_that_do_not_follow_up_cannot_create(login, users, agencies, who):
    assert login(users[who]).post(reverse("policy-new"), new_data(agencies)).status_code == 403
    assert not Policy.objects.exists()


def test_from_a_matter_one_may_not_change_is_404(login, users, make_matter, agencies):
    matter = make_matter(secrecy=1)
    response = login(users["outsider"]).get(reverse("policy-new"), {"matter": matter.pk})
    assert response.status_code == 404


def test_from_a_matter_the_form_starts_from_it(login, users, make_matter, agencies, smtp_server):
    matter = make_matter(title="ติดตามการแก้ปัญหาครูขาดแคลนในพื้นที่สูง")
    client = login(users["coordinator"])
    assert "ติดตามการแก้ปัญหาครูขาดแคลนในพื้นที่สูง" in client.get(reverse("policy-new"), {"matter": matter.pk}).content.decode()
    response = client.post(reverse("policy-new") + f"?matter={matter.pk}", new_data(agencies, title=""))
    policy = Policy.objects.get()
    assert response.status_code == 302 and policy.matter.parent == matter and policy.origin == "matter"


# ---- roll-up, report, exports ---------------------------------------------------------------------------------

def test_the_rollup_shows_lights_values_trend_and_what_is_late(make_policy, login, users, smtp_server,
                                                               django_assert_max_num_queries):
    policy = make_policy()
    lead = [d for d in opened_dues(policy) if d.commitment.role == "lead"]
    for n, due in enumerate(lead[:2]):
        report(due, progress=str(10 + 10 * n), **{"ครูที่ได้รับการบรรจุเพิ่ม": str(100 * (n + 1))})
    client = login(users["minister"])
    with django_assert_max_num_queries(20):
        page = client.get(policy.get_absolute_url()).content.decode()
    assert "ความก้าวหน้าโดยรวม" in page and "<svg class=\"spark\"" in page and "200 คน" in page
    assert "ค้าง/ล่าช้า" in page and "สำนักงานคณะกรรมการการอาชีวศึกษา" in page  # the support agency never reported
    report_url = reverse("policy-due", args=[policy.pk, lead[1].pk])
    assert report_url in page
    shown = client.get(report_url).content.decode()
    assert "ร้อยละ 20" in shown and "200 คน" in shown and "ดำเนินการตามแผน" in shown
    assert "ร่างบันทึกรายงานความก้าวหน้า" not in page  # the minister reads; the office drafts


def test_a_secret_policy_is_404_without_clearance_or_need(make_policy, login, users, smtp_server):
    policy = make_policy(secrecy=1, by=users["coordinator"])
    due = opened_dues(policy)[0]
    for who in ("uncleared", "outsider"):
        client = login(users[who])
        assert client.get(policy.get_absolute_url()).status_code == 404
        assert client.get(reverse("policy-due", args=[policy.pk, due.pk])).status_code == 404
        assert client.get(reverse("policy-xlsx", args=[policy.pk])).status_code == 404
        assert client.post(reverse("policy-memo", args=[policy.pk])).status_code == 404
    assert login(users["coordinator"]).get(policy.get_absolute_url()).status_code == 200


def test_a_due_of_another_policy_is_404(make_policy, login, users, smtp_server):
    one, other = make_policy(), make_policy(title="อีกนโยบาย")
    due = opened_dues(other)[0]
    assert login(users["head"]).get(reverse("policy-due", args=[one.pk, due.pk])).status_code == 404


def test_the_workbook_holds_the_rollup(make_policy, login, users, smtp_server):
    policy = make_policy()
    report(opened_dues(policy)[0], progress="25", **{"โรงเรียนที่ยกเลิกงานเอกสารซ้ำซ้อน": "20"})
    response = login(users["auditor"]).get(reverse("policy-xlsx", args=[policy.pk]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["สรุปตามหน่วยงาน", "งวดรายงาน", "ค้าง-ล่าช้า"]
    rows = [[c.value for c in row] for row in book["สรุปตามหน่วยงาน"].iter_rows()]
    assert any(r[0] == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" and r[3] == 25 for r in rows)
    assert book["ค้าง-ล่าช้า"].max_row > 1


def test_the_memo_is_drafted_from_the_rollup_into_the_review_chain(make_policy, login, users, smtp_server):
    policy = make_policy()
    report(opened_dues(policy)[0], progress="30")
    response = login(users["head"]).post(reverse("policy-memo", args=[policy.pk]))
    document = Document.objects.get(matter=policy.matter)
    assert response.status_code == 302 and response["Location"] == reverse("document-detail", args=[document.pk])
    assert document.form == "office_memo" and document.status == "draft"
    fields = document.fields
    assert fields["subject"].startswith("รายงานความก้าวหน้าการดำเนินงานตามนโยบายรัฐมนตรี")
    assert "ร้อยละ 30" in " ".join(fields["facts"]) and "ยังไม่ส่งรายงานงวด" in " ".join(fields["consideration"])
    assert login(users["auditor"]).post(reverse("policy-memo", args=[policy.pk])).status_code == 403
    # The memo prints as every บันทึกข้อความ does; its text reads back from the PDF.
    pdf = login(users["head"]).get(reverse("document-file", args=[document.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    KEEP.mkdir(parents=True, exist_ok=True)
    (KEEP / "policy-memo.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", "-layout", str(KEEP / "policy-memo.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "บันทึกข้อความ" in text and "รายงานความก้าวหน้าการดำเนินงานตามนโยบายรัฐมนตรี" in " ".join(text.split())


def test_closing_a_commitment_needs_a_reason_and_the_right(make_policy, login, users, smtp_server):
    policy = make_policy()
    commitment = policy.commitments.get(role="support")
    url = reverse("policy-commitment-close", args=[policy.pk, commitment.pk])
    assert login(users["auditor"]).post(url, {"note": "x"}).status_code == 403
    login(users["head"]).post(url, {"note": ""})
    commitment.refresh_from_db()
    assert commitment.is_open
    login(users["head"]).post(url, {"note": "หน่วยงานรวมภารกิจกับหน่วยงานหลัก"})
    commitment.refresh_from_db()
    assert not commitment.is_open


# ---- the agency's page behind its reply link -----------------------------------------------------------------

def test_the_agency_reports_through_its_link(make_policy, client, smtp_server):
    policy = make_policy()
    due = opened_dues(policy)[0]
    url = reverse("agency-reply", args=[links.make_token(due.request)])
    page = client.get(url).content.decode()
    assert "รายงานความก้าวหน้า" in page and "หน่วย: ร้อยละ" in page and due.label in page
    kpi, people = policy.indicators.all()
    milestone = due.commitment.milestones.get()
    response = client.post(url, {"name": "สมชาย ใจดี", "progress": "35", f"kpi_{kpi.pk}": "30 %",
                                 f"kpi_{people.pk}": "๔๐๐", "milestones": [str(milestone.pk)],
                                 "narrative": "ดำเนินการแล้ว", "problems": ""})
    assert response.status_code == 200 and "ได้รับรายงานแล้ว" in response.content.decode()
    saved = ProgressReport.objects.get()
    assert saved.progress == 35 and {v.value for v in saved.values.all()} == {30, 400}
    again = client.get(url)
    assert again.status_code == 410 and "ได้รับคำตอบแล้ว" in again.content.decode()


def test_a_wrong_unit_or_a_bad_file_is_refused_and_nothing_typed_is_lost(make_policy, client, smtp_server):
    from django.core.files.uploadedfile import SimpleUploadedFile

    policy = make_policy()
    due = opened_dues(policy)[0]
    url = reverse("agency-reply", args=[links.make_token(due.request)])
    kpi, people = policy.indicators.all()
    response = client.post(url, {"name": "สมชาย ใจดี", "progress": "35", f"kpi_{kpi.pk}": "30",
                                 f"kpi_{people.pk}": "400 ล้านบาท", "narrative": "ข้อความที่พิมพ์ไว้"})
    text = response.content.decode()
    assert response.status_code == 400 and "ใช้หน่วย “คน” แต่กรอกหน่วย “ล้านบาท”" in text
    assert "ข้อความที่พิมพ์ไว้" in text and not ProgressReport.objects.exists()
    fake = SimpleUploadedFile("ผล.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(url, {"name": "สมชาย", "progress": "35", "narrative": "x", "files": [fake]})
    assert response.status_code == 400 and "รับเฉพาะไฟล์" in response.content.decode()


def test_a_closed_commitments_link_says_so(make_policy, client, users, smtp_server):
    policy = make_policy()
    due = opened_dues(policy)[0]
    url = reverse("agency-reply", args=[links.make_token(due.request)])
    services.close_commitment(due.commitment, by=users["head"], note="ยุติ")
    response = client.get(url)
    assert response.status_code == 410 and "ปิดแล้ว จึงไม่รับรายงานอีก" in response.content.decode()


def test_the_matter_page_links_its_policy(login, users, make_policy):
    policy = make_policy()
    page = login(users["head"]).get(policy.matter.get_absolute_url()).content.decode()
    assert f'id="policy-link" href="{policy.get_absolute_url()}"' in page


# ---- changing a running policy ---------------------------------------------------------------------------------

def test_edit_and_add_agency_are_for_who_may_change_the_policy(make_policy, login, users, smtp_server):
    from django.test import Client

    policy = make_policy(secrecy=1, by=users["coordinator"])
    urls = [reverse("policy-edit", args=[policy.pk]), reverse("policy-commitment-new", args=[policy.pk])]
    for url in urls:
        assert Client().get(url).status_code == 302  # anonymous: to log in
        assert login(users["uncleared"]).get(url).status_code == 404
        assert login(users["outsider"]).post(url, {}).status_code == 404
        assert login(users["auditor"]).get(url).status_code in (403, 404)
        assert login(users["coordinator"]).get(url).status_code == 200
    page = login(users["coordinator"]).get(policy.get_absolute_url()).content.decode()
    assert all(url in page for url in urls)


def test_an_agency_is_added_with_its_own_schedule_and_gets_its_link(make_policy, login, users, smtp_server, office):
    from prasan.directory.models import Agency, Contact

    policy = make_policy()
    opdc = Agency.objects.create(name="สำนักงาน ก.พ.ร.", abbreviation="ก.พ.ร.", email="saraban@opdc.example")
    Contact.objects.create(agency=opdc, name="วิไล ใจงาม", email="liaison@opdc.example", is_liaison=True)
    url = reverse("policy-commitment-new", args=[policy.pk])
    client = login(users["head"])
    page = client.get(url).content.decode()
    assert "สำนักงาน ก.พ.ร." in page and "สำนักงานคณะกรรมการการอาชีวศึกษา" not in page  # already committed: not offered
    bad = client.post(url, {"agency": opdc.pk, "role": "support", "task": "ประเมินผลทุกไตรมาส", "schedule": "dates",
                            "report_dates": "31 กุมภา 2570", "milestones": "สรุปผล | 30 ก.ย. 2570"})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "31 กุมภา 2570" in text and "ประเมินผลทุกไตรมาส" in text and "errorlist" in text
    response = client.post(url, {"agency": opdc.pk, "role": "support", "task": "ประเมินผลทุกไตรมาส",
                                 "schedule": "quarterly", "report_dates": "", "milestones": ""})
    assert response.status_code == 302
    commitment = policy.commitments.get(agency=opdc)
    assert commitment.schedule == "quarterly" and commitment.task == "ประเมินผลทุกไตรมาส"
    assert commitment.dues.count() >= 2
    assert commitment.dues.filter(request__isnull=False).exists()  # the periods already due went out at once
    assert smtp_server.to("liaison@opdc.example")


def test_indicators_are_edited_added_and_a_reported_unit_is_kept(make_policy, login, users, smtp_server):
    policy = make_policy()
    due = opened_dues(policy)[0]
    report(due, ครูที่ได้รับการบรรจุเพิ่ม="120")
    kpis = {i.name: i for i in policy.indicators.all()}
    reported, other = kpis["ครูที่ได้รับการบรรจุเพิ่ม"], kpis["โรงเรียนที่ยกเลิกงานเอกสารซ้ำซ้อน"]
    data = {"kind": "directive", "goals": "ครูอยู่กับห้องเรียนครบทุกโรงเรียน", "starts_on": be(policy.starts_on),
            "ends_on": be(policy.ends_on)}
    for indicator in (reported, other):
        for name in ("name", "unit", "baseline", "target", "period"):
            data[f"kpi{indicator.pk}_{name}"] = str(getattr(indicator, name))
    data[f"kpi{reported.pk}_unit"] = "ร้อยละ"  # disabled on the page: the posted value is ignored
    data[f"kpi{other.pk}_target"] = "90"
    data.update({"kpinew0_name": "นักเรียนที่ได้รับผลกระทบ", "kpinew0_unit": "คน", "kpinew0_target": "50000"})
    client = login(users["head"])
    url = reverse("policy-edit", args=[policy.pk])
    missing = dict(data, **{f"kpi{other.pk}_name": ""})
    response = client.post(url, missing)
    assert response.status_code == 200 and "ตัวชี้วัดเดิมลบไม่ได้" in response.content.decode()
    assert client.post(url, data).status_code == 302
    policy.refresh_from_db()
    reported.refresh_from_db()
    other.refresh_from_db()
    assert policy.kind == "directive" and policy.goals == "ครูอยู่กับห้องเรียนครบทุกโรงเรียน"
    assert reported.unit == "คน" and other.target == Decimal("90")
    assert policy.indicators.filter(name="นักเรียนที่ได้รับผลกระทบ", unit="คน").exists()
    with pytest.raises(services.ValidationError):
        services.edit_policy(policy, by=users["head"], kind="policy", goals="", added=[],
                             changed={reported: {"name": reported.name, "unit": "ร้อยละ", "baseline": Decimal(0),
                                                 "target": Decimal(1), "period": ""}})
