"""The dashboards in Chromium: every number clicked lands on a list of exactly that many matters."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from prasan.coordination.models import AgencyRequest
from prasan.matters.choices import Secrecy
from prasan.matters.models import Matter, Transition
from prasan.tracking.calendar import WorkingCalendar
from tests.tracking.scenes import update_matters

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOP_SECRET = "ข้อมูลการสอบสวนวินัยผู้บริหารระดับสูง"
FOUND = re.compile(r"พบ ([\d,]+) เรื่อง")


class Office:
    """Dates relative to today on the office's working calendar."""

    def __init__(self):
        self.calendar = WorkingCalendar()
        self.today = timezone.localdate()

    def day(self, working_days: int) -> dt.date:
        """`working_days` after today (before it if negative)."""
        return self.calendar.add_working_days(self.today, working_days)

    def moment(self, working_days_ago: int) -> dt.datetime:
        if working_days_ago == 0:
            return timezone.now()
        return timezone.make_aware(dt.datetime.combine(self.day(-working_days_ago), dt.time(10)))


@pytest.fixture
def scene(make_matter, users, unit, other_unit, agencies):
    """Open matters in several states, units, duty types, ages and deadlines; two closed; three awaiting
    the minister; late agency requests; and a top-secret overdue matter of the unit (ลับที่สุด, beyond the
    group head's clearance of ลับมาก)."""
    office, (obec, vec) = Office(), agencies
    grouphead, outsider = users["grouphead"], users["outsider"]

    def matter(title, received, due, **fields):
        made = make_matter(title=title, internal_deadline=office.day(due), external_deadline=office.day(due + 1),
                           **fields)
        update_matters(Matter.objects.filter(pk=made.pk), created_at=office.moment(received))
        Transition.objects.filter(matter=made, event="create").update(at=office.moment(received))
        return made

    def reached_minister(made, working_days_ago):
        Transition.objects.create(matter=made, event="submit", from_state="in_review", to_state="with_minister",
                                  at=office.moment(working_days_ago))

    def late_request(made, agency, due, answered=None):
        AgencyRequest.objects.create(matter=made, agency=agency, deliverable="ข้อมูลประกอบ", deadline=office.day(due),
                                     status="answered" if answered is not None else "sent",
                                     answered_at=None if answered is None else office.moment(answered))

    m = {
        "late_mine": matter("ขอข้อมูลครูผู้ช่วย (เกินกำหนด)", 8, -2, state="planning", urgency="most_urgent"),
        "late_grouphead": matter("ตอบข้อร้องเรียนโรงเรียนขยายโอกาส", 15, -1, state="coordinating",
                                 duty_type="complaint", assignees=[grouphead]),
        "late_other": matter("เตรียมข้อมูลตอบกระทู้ถามงบอาหารกลางวัน", 40, -1, state="drafting",
                             duty_type="parliament", owner_unit=other_unit, assignees=[outsider]),
        "soon": matter("สรุปผลการประชุมคณะทำงาน", 3, 2, state="coordinating"),
        "fresh": matter("รับเรื่องร้องเรียนผ่านศูนย์ดำรงธรรม", 0, 10, duty_type="complaint", assignees=[]),
        "no_unit": matter("เรื่องที่ยังไม่ระบุกลุ่มงาน", 2, 15, owner_unit=None),
        "minister_old": matter("เสนอแต่งตั้งคณะกรรมการปฏิรูปหลักสูตร", 30, 20, state="with_minister"),
        "minister_mid": matter("เสนอโครงการโรงเรียนคุณภาพประจำตำบล", 16, 20, state="with_minister"),
        "minister_new": matter("เสนอร่างระเบียบการรับนักเรียน", 4, 20, state="with_minister", urgency="very_urgent",
                               owner_unit=other_unit, assignees=[outsider]),
        "secret": matter(TOP_SECRET, 8, -3, state="coordinating", secrecy=Secrecy.TOP_SECRET),
        "closed_now": matter("ปิดแล้วสัปดาห์นี้", 25, 5),
        "closed_before": matter("ปิดแล้วสัปดาห์ก่อน", 10, 5),
    }
    reached_minister(m["minister_old"], 12)
    reached_minister(m["minister_mid"], 6)
    reached_minister(m["minister_new"], 1)
    update_matters(Matter.objects.filter(pk=m["closed_now"].pk), state="closed", closed_at=timezone.now())
    update_matters(Matter.objects.filter(pk=m["closed_before"].pk), state="closed",
                                                           closed_at=timezone.now() - dt.timedelta(days=7))
    late_request(m["late_mine"], obec, -5)
    late_request(m["secret"], obec, -4)
    late_request(m["closed_before"], obec, -8, answered=6)
    late_request(m["late_other"], vec, -3)
    late_request(m["soon"], vec, -2, answered=3)  # answered in time: not late
    return m


# ---- reading the pages ----------------------------------------------------------------------------

def list_total(ui) -> int:
    """The matter list's own total, checked against its rows when they fit on one page."""
    total = int(FOUND.search(ui.text).group(1).replace(",", ""))
    rows = ui.driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
    if total <= 25:
        assert len([r for r in rows if "ไม่มีเรื่อง" not in r.text]) == total, ui.path
    return total


def tile(ui, label: str):
    link = ui.driver.find_element(By.XPATH, f"//a[contains(@class, 'tile')][span[@class='what'][normalize-space()='{label}']]")
    return link, int(link.find_element(By.CLASS_NAME, "n").text.replace(",", ""))


def bar(ui, section: str, label: str):
    """One bar of a chart (an SVG link whose aria-label is "label: n เรื่อง"); click its label text."""
    link = ui.driver.find_element(By.CSS_SELECTOR, f'section[aria-labelledby="{section}"] svg a[aria-label^="{label}:"]')
    value = int(re.search(r": (\d+) เรื่อง$", link.get_attribute("aria-label")).group(1))
    return link.find_element(By.CSS_SELECTOR, "text.label"), value


def cell_link(ui, xpath: str):
    link = ui.driver.find_element(By.XPATH, xpath)
    return link, int(link.text.replace(",", ""))


def follow(ui, found, dashboard: str) -> int:
    """Click a number on the dashboard, check the list it lands on has as many matters, come back."""
    element, value = found
    ui._navigate_by(element)
    assert ui.path.startswith("/matters/?"), ui.path
    assert list_total(ui) == value, f"{ui.path}: the dashboard said {value}"
    ui.visit(dashboard)
    return value


def status(ui, path: str) -> int:
    """The HTTP status of a page, fetched with the browser's own session."""
    return ui.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status));",
        path,
    )


# ---- the head of office ---------------------------------------------------------------------------

def test_the_head_clicks_the_office_dashboards_numbers_and_each_list_has_that_many_matters(open_browser, scene):
    ui = open_browser("desktop")
    ui.login("head")
    ui.visit("/tracking/")
    assert ui.title == "ภาพรวมสำนักงาน"
    ui.assert_styled()
    ui.shows("เรื่องที่ยังไม่ปิด จำแนกตามสถานะ", "จำแนกตามประเภทภารกิจ", "จำแนกตามชั้นความเร็ว",
             "จำแนกตามกลุ่มงาน", "เกินกำหนด", "ครบกำหนดใน 3 วันทำการ", "อายุเรื่องที่ยังไม่ปิด",
             "รับเรื่องและปิดเรื่องรายสัปดาห์", "หน่วยงานที่ตอบช้า")
    assert len(ui.driver.find_elements(By.CSS_SELECTOR, ".dash svg")) >= 6
    assert tile(ui, "เรื่องที่ยังไม่ปิด")[1] == 10
    assert tile(ui, "ครบกำหนดใน 3 วันทำการ")[1] == 1
    ui.screenshot("dashboard-head-desktop")

    assert follow(ui, tile(ui, "เกินกำหนด"), "/tracking/") == 4  # the top-secret one included
    assert follow(ui, bar(ui, "h-state", "ประสานงาน"), "/tracking/") == 3
    assert follow(ui, bar(ui, "h-unit", "กลุ่มงานวิเคราะห์"), "/tracking/") == 7
    assert follow(ui, bar(ui, "h-unit", "ไม่ระบุกลุ่มงาน"), "/tracking/") == 1
    assert follow(ui, bar(ui, "h-duty", "เรื่องร้องทุกข์ ร้องเรียน"), "/tracking/") == 2
    assert follow(ui, bar(ui, "h-age", "6–10 วันทำการ"), "/tracking/") == 2
    assert follow(ui, bar(ui, "h-age", "เกิน 20 วันทำการ"), "/tracking/") == 2
    # The newest week that received something, and the two closings (this week's and last week's).
    intake = ui.driver.find_elements(By.XPATH, "//tr[th='รับเรื่อง']/td/a[normalize-space()!='0']")
    assert intake
    follow(ui, (intake[-1], int(intake[-1].text)), "/tracking/")
    closed = ui.driver.find_elements(By.XPATH, "//tr[th='ปิดเรื่อง']/td/a[normalize-space()!='0']")
    assert sum(int(a.text) for a in closed) == 2
    follow(ui, (closed[-1], int(closed[-1].text)), "/tracking/")
    obec = "//section[@aria-labelledby='h-late']//tr[td[1]='สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน']/td[2]/a"
    assert follow(ui, cell_link(ui, obec), "/tracking/") == 3  # two open (one top secret) and one closed
    vec = "//section[@aria-labelledby='h-late']//tr[td[1]='สำนักงานคณะกรรมการการอาชีวศึกษา']/td[2]/a"
    assert follow(ui, cell_link(ui, vec), "/tracking/") == 1  # the in-time answer is not late


def test_the_heads_dashboard_fits_a_phone(open_browser, scene):
    phone = open_browser("phone")
    phone.login("head")
    phone.visit("/tracking/")
    assert phone.title == "ภาพรวมสำนักงาน"
    phone.assert_fits_phone()
    scroll, inner = phone.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == 390 and scroll <= inner
    phone.screenshot("dashboard-head-phone")
    assert follow(phone, tile(phone, "เกินกำหนด"), "/tracking/") == 4
    phone.assert_fits_phone()


# ---- a group head ---------------------------------------------------------------------------------

def test_a_group_head_follows_a_persons_overdue_number_and_may_not_see_another_units_dashboard(
    open_browser, scene, unit, other_unit, users
):
    ui = open_browser("desktop")
    ui.login("grouphead")
    ui.visit("/tracking/")
    assert ui.title == f"ภาพรวม{unit.name}"
    ui.shows("รายบุคคล", "ยังไม่มอบหมาย")
    ui.screenshot("dashboard-grouphead-desktop")
    people = "//section[@aria-labelledby='h-people']//tr[td[1]='{}']/td[{}]/a"
    assert cell_link(ui, people.format("grouphead", 3))[1] == 1
    assert cell_link(ui, people.format("ยังไม่มอบหมาย", 2))[1] == 1

    overdue = cell_link(ui, people.format("coordinator", 3))
    assert overdue[1] == 1  # the top-secret overdue matter is beyond the group head's clearance
    ui._navigate_by(overdue[0])
    assert list_total(ui) == 1
    assert ui.picked("f-who") == "coordinator" and ui.field("f-over").is_selected()
    ui.shows(scene["late_mine"].title)
    assert TOP_SECRET not in ui.text
    ui.visit("/tracking/")
    assert follow(ui, tile(ui, "เกินกำหนด"), "/tracking/") == 2
    assert follow(ui, cell_link(ui, people.format("grouphead", 2)), "/tracking/") == 1

    assert status(ui, f"/tracking/unit/{other_unit.pk}/") == 403
    ui.visit(f"/tracking/unit/{other_unit.pk}/")
    ui.shows("ไม่มีสิทธิ์ใช้หน้านี้", "หัวหน้ากลุ่มงานดูภาพรวมได้เฉพาะกลุ่มงานของตน")
    assert other_unit.name not in ui.title


# ---- the minister's desk --------------------------------------------------------------------------

def test_the_minister_sees_what_awaits_a_decision_oldest_first(open_browser, scene):
    ui = open_browser("desktop")
    ui.login("minister")
    ui.visit("/tracking/")
    assert ui.title == "เรื่องที่รอรัฐมนตรีพิจารณา"
    ui.shows("เรื่องที่รอพิจารณา (3 เรื่อง)")
    rows = [a.text for a in ui.driver.find_elements(By.CSS_SELECTOR, "#h-waiting ~ table tbody td[data-label='เรื่อง'] a")]
    assert rows == [scene["minister_old"].title, scene["minister_mid"].title, scene["minister_new"].title]
    ui.screenshot("dashboard-minister-desktop")
    assert follow(ui, tile(ui, "รอรัฐมนตรีพิจารณา"), "/tracking/") == 3
    assert follow(ui, tile(ui, "ด่วนมาก"), "/tracking/") == 1


# ---- a secret matter ------------------------------------------------------------------------------

def test_a_top_secret_matter_is_counted_and_opened_by_the_head_but_not_by_a_group_head_without_clearance(
    open_browser, scene, unit
):
    secret = scene["secret"]
    ui = open_browser("desktop")
    ui.login("grouphead")
    ui.visit("/tracking/")
    assert tile(ui, "เรื่องที่ยังไม่ปิด")[1] == 6
    ui._navigate_by(tile(ui, "เกินกำหนด")[0])
    assert list_total(ui) == 2
    assert TOP_SECRET not in ui.text and secret.number not in ui.text
    assert status(ui, secret.get_absolute_url()) == 404
    ui.visit(secret.get_absolute_url())
    ui.shows("ไม่พบหน้าที่ต้องการ")
    assert TOP_SECRET not in ui.driver.page_source
    ui.logout()

    ui.login("head")
    ui.visit(f"/tracking/unit/{unit.pk}/")
    assert tile(ui, "เรื่องที่ยังไม่ปิด")[1] == 7
    ui._navigate_by(tile(ui, "เกินกำหนด")[0])
    assert list_total(ui) == 3
    ui.click_link(TOP_SECRET)
    assert ui.path == secret.get_absolute_url()
    ui.shows(TOP_SECRET, "ลับที่สุด")
