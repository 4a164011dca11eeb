"""#17's policy follow-up in Chromium: the head creates a policy with three agencies reporting monthly; two agencies
report through their reply links (one late, reminded by e-mail and LINE first); the minister reads the roll-up on a
phone and opens a report behind a cell."""

import datetime as dt
import importlib
import re

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from prasan.directory.models import Agency, Contact
from prasan.policy.models import Policy, ProgressReport, ReportDue
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.tasks import run_tick
from tests.servers import line_server  # noqa: F401,F811 (the LINE stand-in)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()
LINK = re.compile(r"https?://\S+/reply/\S+/")


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def first_of_month_before(day: dt.date, months: int) -> dt.date:
    for _ in range(months):
        day = day.replace(day=1) - dt.timedelta(days=1)
    return day.replace(day=1)


def link_in(smtp_server, address: str, *, after: int = 0) -> str:
    mails = smtp_server.to(address)[after:]
    assert mails, f"ไม่มีอีเมลถึง {address}"
    return LINK.search(smtp_server.body(mails[-1])).group(0)


def report(ui, link: str, *, progress: str, teachers: str, narrative: str, shot: str):
    ui.visit(link)
    ui.shows("รายงานความก้าวหน้า")
    ui.assert_fits_phone()
    teachers_box = ui.driver.find_element(By.CSS_SELECTOR, "input[name^='kpi_']").get_attribute("id")
    ui.fill("id_name", "ผู้ประสานงาน").fill("id_progress", progress)
    ui.fill(teachers_box, teachers + " ล้านบาท").fill("id_narrative", narrative)
    ui.press("ส่งรายงาน")
    # A value in another unit is refused with a Thai reason; what was typed stays.
    assert any("ใช้หน่วย “คน” แต่กรอกหน่วย “ล้านบาท”" in e for e in ui.errors()), ui.errors()
    assert ui.value("id_narrative") == narrative
    ui.fill(teachers_box, teachers)
    ui.screenshot(f"{shot}-phone")
    ui.press("ส่งรายงาน")
    ui.shows("สำนักงานรัฐมนตรีได้รับรายงานแล้ว")


def test_head_creates_agencies_report_minister_reads_the_rollup_on_a_phone(open_browser, office, users, agencies,
                                                                          smtp_server, line_server):  # noqa: F811
    # The default reminder rules come from a data migration, which an earlier transactional test's flush removed.
    from django.apps import apps

    importlib.import_module("prasan.policy.migrations.0002_report_reminders").add(apps, None)
    third = Agency.objects.create(name="สำนักงานปลัดกระทรวงศึกษาธิการ", abbreviation="สป.", email="saraban@moe.example")
    Contact.objects.create(agency=third, name="วิไล ทองดี", email="liaison@ops.example", line_id="Uops",
                           is_liaison=True)
    start = first_of_month_before(TODAY, 2)

    desk = open_browser("desktop")
    desk.login("head")
    desk.click_link("นโยบาย").click_link("+ บันทึกนโยบาย/ข้อสั่งการ")
    desk.fill("id_title", "เร่งรัดการบรรจุครูให้โรงเรียนขนาดเล็ก")
    desk.fill("id_goals", "โรงเรียนขนาดเล็กมีครูครบชั้นภายในปีงบประมาณ 2570")
    desk.fill("id_starts_on", be(start)).fill("id_ends_on", be(start + dt.timedelta(days=364)))
    desk.pick("id_schedule", "รายเดือน")
    desk.fill("id_kpi0_name", "ครูที่บรรจุเพิ่ม").fill("id_kpi0_unit", "คน").fill("id_kpi0_baseline", "0")
    desk.fill("id_kpi0_target", "1200").fill("id_kpi0_period", "ปีงบประมาณ 2570")
    for i, agency in enumerate((agencies[0], agencies[1], third)):
        desk.pick(f"id_agency{i}", str(agency))
    desk.fill("id_agency0_milestones", f"ประกาศรายชื่อโรงเรียนเป้าหมาย | {be(start + dt.timedelta(days=20))}")
    desk.press("บันทึกและส่งลิงก์รายงานถึงหน่วยงาน")
    policy = Policy.objects.get()
    desk.shows(f"บันทึกนโยบายแล้ว เลขเรื่อง {policy.matter.number}", "ค้าง/ล่าช้า")
    assert policy.commitments.count() == 3 and policy.matter.duty_type == "policy_followup"
    opened = ReportDue.objects.filter(commitment__policy=policy, request__isnull=False)
    assert opened.filter(commitment__agency=agencies[1]).exists()

    # The support agency is late on its first report: the tick the working day after reminds it by both channels.
    late_due = ReportDue.objects.filter(commitment__policy=policy, commitment__agency=agencies[1]).order_by("seq")[0]
    assert late_due.due_on < TODAY
    sent_before = len(smtp_server.to("liaison@vec.example"))
    run_tick(timezone.make_aware(dt.datetime.combine(
        WorkingCalendar().add_working_days(late_due.due_on, 1), dt.time(8, 0))))
    reminders = smtp_server.to("liaison@vec.example")[sent_before:]
    assert any("(เกินกำหนด)" in str(m["Subject"]) for m in reminders), [m["Subject"] for m in reminders]
    obec_pushes = [p for p in line_server.pushes if p.to == "Uliaison1"]
    assert obec_pushes and "ยังไม่ได้รับรายงาน" in obec_pushes[-1].text  # the lead agency's LINE, also late

    phone_agency = open_browser("phone")
    # The lead agency reports its latest period from the link it was sent; the support agency from the reminder.
    latest = (ReportDue.objects.filter(commitment__policy=policy, commitment__agency=agencies[0],
                                       request__isnull=False).order_by("-seq")[0])
    from prasan.coordination.links import reply_url

    report(phone_agency, reply_url(latest.request), progress="30", teachers="350",
           narrative="บรรจุครูแล้ว 350 คนใน 12 จังหวัด", shot="policy-report-form")
    report(phone_agency, link_in(smtp_server, "liaison@vec.example"), progress="10", teachers="40",
           narrative="จัดทำแผนอัตรากำลังแล้วเสร็จ", shot="policy-report-late")
    late_report = ProgressReport.objects.get(commitment__agency=agencies[1])
    assert late_report.late and late_report.due == late_due

    desk.visit(policy.get_absolute_url())
    desk.shows("350 คน", "สำนักงานปลัดกระทรวงศึกษาธิการ", "ความก้าวหน้าโดยรวม")
    desk.assert_styled()
    desk.screenshot("policy-rollup-desktop")

    minister = open_browser("phone")
    minister.login("minister")
    minister.visit("/policies/")
    minister.click_link("เร่งรัดการบรรจุครูให้โรงเรียนขนาดเล็ก")
    minister.assert_styled()
    minister.assert_fits_phone()
    minister.shows("ความก้าวหน้าโดยรวม", "ค้าง/ล่าช้า", "350 คน")
    # A phone's layout viewport widens to what overflows it; the page must fit the 390-px screen itself.
    assert minister.driver.execute_script("return document.documentElement.scrollWidth") <= 390
    assert "ร่างบันทึกรายงานความก้าวหน้า" not in minister.text  # the minister reads; the office drafts
    minister.screenshot("policy-rollup-phone")
    cell = minister.driver.find_element(By.XPATH, "//a[contains(@class,'cell') and contains(., '350 คน')]")
    minister._navigate_by(cell)
    minister.shows("รายงานงวด", "บรรจุครูแล้ว 350 คนใน 12 จังหวัด", "ผู้ประสานงาน")
    minister.assert_fits_phone()
    minister.screenshot("policy-report-phone")

    # The office drafts the progress memo from the roll-up; its PDF is the documents app's.
    desk.press("ร่างบันทึกรายงานความก้าวหน้าเสนอรัฐมนตรี")
    desk.shows("ร่างบันทึกข้อความรายงานความก้าวหน้าเสนอรัฐมนตรีจากตารางติดตามแล้ว")
    desk.screenshot("policy-memo-draft-desktop")
