"""Making a policy, opening its reports as reply-link requests, taking reports, refusing what cannot be taken."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from prasan.audit.models import AuditEvent
from prasan.coordination import links
from prasan.coordination.models import AgencyRequest
from prasan.matters.choices import DutyType
from prasan.policy import schedule, services
from prasan.policy.choices import Origin
from prasan.policy.models import Policy, ReportDue
from prasan.policy.units import UnitError, parse_value

from .conftest import TODAY, opened_dues

pytestmark = pytest.mark.django_db


def test_a_policy_hangs_on_a_policy_followup_matter_and_opens_the_reports_due(make_policy, smtp_server):
    policy = make_policy()
    assert policy.matter.duty_type == DutyType.POLICY_FOLLOWUP and policy.matter.source == "policy"
    assert policy.indicators.count() == 2 and policy.commitments.count() == 2
    dues = ReportDue.objects.filter(commitment__policy=policy)
    assert dues.count() == 2 * 12  # monthly over 360 days from the first of a month: 12 calendar months
    opened = opened_dues(policy)
    assert opened and all(d.opens_on <= TODAY for d in opened)
    assert all(d.request.deadline == d.due_on and d.request.matter == policy.matter for d in opened)
    # Each opened report's link went to the agency's liaison officer by e-mail.
    mails = smtp_server.to("liaison@obec.example")
    assert len(mails) == len([d for d in opened if d.commitment.agency.abbreviation == "สพฐ."])
    assert "/reply/" in smtp_server.body(mails[0])
    assert AuditEvent.objects.filter(action="policy.create").exists()


def test_opening_twice_asks_nobody_twice(make_policy, smtp_server):
    policy = make_policy()
    before = AgencyRequest.objects.count()
    assert services.open_due_reports(policy=policy) == 0
    assert AgencyRequest.objects.count() == before


def test_monthly_reports_are_due_five_working_days_after_the_month():
    slots = schedule.slots("monthly", dt.date(2026, 10, 1), dt.date(2027, 3, 31))
    assert [s.label for s in slots][:2] == ["ต.ค. 2569", "พ.ย. 2569"] and len(slots) == 6
    assert slots[0].end == dt.date(2026, 10, 31) and slots[0].due == dt.date(2026, 11, 6)  # Sat 31 → 5 working days
    quarters = schedule.slots("quarterly", dt.date(2026, 10, 1), dt.date(2027, 9, 30))
    assert [s.label for s in quarters] == ["ไตรมาส 1/2570", "ไตรมาส 2/2570", "ไตรมาส 3/2570", "ไตรมาส 4/2570"]
    dated = schedule.slots("dates", dt.date(2026, 10, 1), dt.date(2027, 9, 30), [dt.date(2027, 3, 31)])
    assert dated[0].due == dt.date(2027, 3, 31)
    with pytest.raises(schedule.ScheduleError, match="นอกช่วง"):
        schedule.slots("dates", dt.date(2026, 10, 1), dt.date(2027, 3, 1), [dt.date(2027, 3, 31)])


def test_a_report_answers_its_request_and_keeps_values_and_milestones(make_policy, smtp_server):
    policy = make_policy()
    due = opened_dues(policy)[0]
    kpi, people = policy.indicators.all()
    milestone = due.commitment.milestones.get()
    report = services.submit_report(due, name="สมชาย ใจดี", progress=Decimal("35"), narrative="ดำเนินการแล้ว ๓ จังหวัด",
                                    values={kpi: Decimal("30"), people: Decimal("400")}, milestones=[milestone])
    due.request.refresh_from_db()
    assert due.request.status == AgencyRequest.Status.ANSWERED
    assert report.late == (TODAY > due.due_on)
    assert {v.indicator_id: v.value for v in report.values.all()} == {kpi.pk: 30, people.pk: 400}
    milestone.refresh_from_db()
    assert milestone.done_report == report
    assert policy.matter.activities.filter(direction="in", summary__contains="ร้อยละ 35").exists()
    with pytest.raises(links.LinkError):  # the link is used once
        services.submit_report(due, name="x", progress=Decimal("40"), narrative="ซ้ำ")


def test_a_report_for_a_closed_commitment_is_refused_with_the_reason(make_policy, users, smtp_server):
    policy = make_policy()
    due = opened_dues(policy)[0]
    services.close_commitment(due.commitment, by=users["head"], note="โอนภารกิจให้หน่วยงานอื่น")
    with pytest.raises(services.ReportRefused, match="ปิดแล้ว"):
        services.submit_report(due, name="สมชาย", progress=Decimal("10"), narrative="ส่งหลังปิด")
    token = links.make_token(due.request)
    with pytest.raises(links.LinkError, match="ภารกิจของหน่วยงานนี้ในนโยบายนี้ปิดแล้ว"):
        links.resolve(token)
    due.request.refresh_from_db()
    assert due.request.status == AgencyRequest.Status.CANCELLED  # no longer counted late


def test_progress_out_of_range_is_refused(make_policy, smtp_server):
    due = opened_dues(make_policy())[0]
    with pytest.raises(ValidationError, match="ร้อยละ 0 ถึง 100"):
        services.submit_report(due, name="ก", progress=Decimal("120"), narrative="เกิน")


@pytest.mark.parametrize("typed, expected", [("45", 45), ("๔๕", 45), ("45 %", 45), ("45ร้อยละ", 45),
                                             ("1,200", 1200), ("", None)])
def test_values_are_read_in_the_indicators_unit(typed, expected):
    assert parse_value(typed, "ร้อยละ") == (None if expected is None else Decimal(expected))


def test_a_value_in_another_unit_is_a_clear_thai_error():
    with pytest.raises(UnitError, match="ใช้หน่วย “บาท” แต่กรอกหน่วย “ล้านบาท”"):
        parse_value("3.5 ล้านบาท", "บาท", name="งบประมาณที่เบิกจ่าย")
    with pytest.raises(UnitError, match="ไม่ใช่ตัวเลข"):
        parse_value("ประมาณครึ่งหนึ่ง", "ร้อยละ")


def test_a_policy_from_a_matter_of_another_duty_is_its_child(make_matter, users, smtp_server, office, agencies):
    source = make_matter(title="รัฐมนตรีสั่งการให้ติดตามการแก้ปัญหาครูขาดแคลน", secrecy=1)
    policy = services.create_policy(
        by=users["head"], office=office, origin=Origin.MATTER, matter=source, starts_on=TODAY,
        ends_on=TODAY + dt.timedelta(days=90), commitments=[services.CommitmentSpec(agency=agencies[0])])
    assert policy.matter.parent == source and policy.matter.secrecy == 1
    assert policy.matter.title == source.title
    with pytest.raises(services.PolicyExists):
        services.create_policy(by=users["head"], office=office, origin=Origin.MATTER, matter=policy.matter,
                               starts_on=TODAY, ends_on=TODAY)


def test_a_policy_from_a_cabinet_resolution_uses_its_followup(users, office, agencies, smtp_server):
    from prasan.cabinet import services as cabinet

    meeting = cabinet.create_meeting(office=office, by=users["coordinator"], fields={
        "meets_at": __import__("django.utils.timezone", fromlist=["now"]).now() - dt.timedelta(days=2)})
    item = cabinet.add_item(meeting, by=users["coordinator"], fields={"subject": "โรงเรียนคุณภาพประจำตำบล"})
    cabinet.record_resolution(item, by=users["coordinator"], resolution="เห็นชอบ และให้รายงานผลทุกไตรมาส",
                              resolved_on=meeting.day)
    policy = services.create_policy(by=users["coordinator"], office=office, origin=Origin.CABINET, cabinet_item=item,
                                    starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=365),
                                    commitments=[services.CommitmentSpec(agency=agencies[0], schedule="quarterly")])
    item.refresh_from_db()
    assert policy.matter_id == item.followup_id and policy.cabinet_item == item
    assert Policy.objects.count() == 1
