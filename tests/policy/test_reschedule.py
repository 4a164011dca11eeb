"""A running policy's start and end are edited on its edit page (Buddhist-era dates): the reports not yet asked
for are laid out again, the ones already asked for or reported stay as the agencies were told, and it is audited."""

import datetime as dt

from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.policy.models import ReportDue
from prasan.thai.date_input import format_input

from .conftest import TODAY, opened_dues
from .test_pages import report


def typed(day: dt.date) -> str:
    """As a person types it: 15/01/2570."""
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def form_data(policy, **dates) -> dict:
    data = {"kind": policy.kind, "goals": policy.goals, "starts_on": typed(policy.starts_on),
            "ends_on": typed(policy.ends_on)}
    for indicator in policy.indicators.all():
        for name in ("name", "unit", "baseline", "target", "period"):
            data[f"kpi{indicator.pk}_{name}"] = str(getattr(indicator, name))
    return {**data, **dates}


def dues_of(policy):
    return {(due.commitment.agency_id, due.seq): (due.pk, due.period_start, due.period_end, due.due_on, due.request_id)
            for due in ReportDue.objects.filter(commitment__policy=policy).select_related("commitment")}


def test_moving_the_end_moves_the_unopened_dues_and_keeps_the_reported(make_policy, login, users, smtp_server):
    policy = make_policy()
    asked = opened_dues(policy)
    report(asked[0], ครูที่ได้รับการบรรจุเพิ่ม="120")
    before = dues_of(policy)
    kept = {key: row for key, row in before.items() if row[4]}
    assert kept and len(kept) < len(before)
    last_asked = max(row[2] for row in kept.values())
    new_end = (last_asked + dt.timedelta(days=45)).replace(day=15)

    response = login(users["head"]).post(reverse("policy-edit", args=[policy.pk]),
                                         form_data(policy, ends_on=typed(new_end)))
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.ends_on == new_end
    after = dues_of(policy)
    assert {key: row for key, row in after.items() if row[4]} == kept  # asked for or reported: untouched
    fresh = sorted(row for row in after.values() if not row[4])
    assert fresh and all(row[1] > last_asked for row in fresh)
    assert max(row[2] for row in fresh) == new_end  # the last period ends with the policy
    assert not ReportDue.objects.filter(commitment__policy=policy, period_end__gt=new_end).exists()
    assert set(policy.commitments.values_list("ends_on", flat=True)) == {new_end}
    event = AuditEvent.objects.filter(action="policy.edit").last()
    assert event.data["ends_on"] == new_end.isoformat() and event.data["before"]["ends_on"] != new_end.isoformat()
    assert event.data["dues"]

    # Longer again: more periods, the same ones kept.
    longer = new_end + dt.timedelta(days=120)
    login(users["head"]).post(reverse("policy-edit", args=[policy.pk]), form_data(policy, ends_on=typed(longer)))
    again = dues_of(policy)
    assert {key: row for key, row in again.items() if row[4]} == kept
    assert len(again) > len(after) and max(row[2] for row in again.values()) == longer


def test_an_end_before_a_report_already_asked_for_is_refused_and_what_was_typed_stays(make_policy, login, users,
                                                                                       smtp_server):
    policy = make_policy()
    before = dues_of(policy)
    first = min(due.period_end for due in opened_dues(policy))
    client = login(users["head"])
    url = reverse("policy-edit", args=[policy.pk])
    too_soon = typed(first - dt.timedelta(days=1))
    response = client.post(url, form_data(policy, ends_on=too_soon, goals="เป้าหมายที่พิมพ์ไว้"))
    page = response.content.decode()
    assert response.status_code == 200 and "วันสิ้นสุดต้องไม่อยู่ก่อนวันนั้น" in page
    assert too_soon in page and "เป้าหมายที่พิมพ์ไว้" in page
    bad = client.post(url, form_data(policy, starts_on="15/01/2570", ends_on="31/02/2570"))
    page = bad.content.decode()
    assert bad.status_code == 200 and "15/01/2570" in page and "31/02/2570" in page and "errorlist" in page
    policy.refresh_from_db()
    assert dues_of(policy) == before and policy.ends_on != dt.date(2027, 2, 28)


def test_a_later_start_moves_only_the_unopened_dues(make_policy, login, users, smtp_server):
    policy = make_policy()
    before = dues_of(policy)
    later = TODAY + dt.timedelta(days=60)
    assert login(users["head"]).post(reverse("policy-edit", args=[policy.pk]),
                                     form_data(policy, starts_on=typed(later))).status_code == 302
    after = dues_of(policy)
    assert {k: r for k, r in after.items() if r[4]} == {k: r for k, r in before.items() if r[4]}
    assert all(row[1] >= later for row in after.values() if not row[4])


def test_only_who_may_change_the_policy_moves_its_dates(make_policy, login, users, smtp_server):
    policy = make_policy(secrecy=1, by=users["coordinator"])
    before = dues_of(policy)
    url = reverse("policy-edit", args=[policy.pk])
    data = form_data(policy, ends_on=typed(policy.ends_on + dt.timedelta(days=90)))
    assert login(users["outsider"]).post(url, data).status_code == 404
    assert login(users["uncleared"]).post(url, data).status_code == 404
    assert login(users["auditor"]).post(url, data).status_code in (403, 404)
    policy.refresh_from_db()
    assert dues_of(policy) == before
    page = login(users["coordinator"]).get(url).content.decode()
    assert f'value="{format_input(policy.starts_on)}"' in page and f'value="{format_input(policy.ends_on)}"' in page


def test_report_dates_the_new_end_leaves_out_are_owed_no_more(make_policy, agencies, login, users, smtp_server):
    from prasan.policy import services

    asked, kept, dropped = TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=60), TODAY + dt.timedelta(days=150)
    policy = make_policy(commitments=[services.CommitmentSpec(agency=agencies[0], schedule="dates",
                                                              report_dates=[asked, kept, dropped])])
    assert [d.due_on for d in opened_dues(policy)] == [asked]
    new_end = TODAY + dt.timedelta(days=100)
    assert login(users["head"]).post(reverse("policy-edit", args=[policy.pk]),
                                     form_data(policy, ends_on=typed(new_end))).status_code == 302
    dues = list(ReportDue.objects.filter(commitment__policy=policy).order_by("seq"))
    assert [(d.seq, d.due_on, bool(d.request_id)) for d in dues] == [(1, asked, True), (2, kept, False)]
    assert dues[1].label.startswith("ครั้งที่ 2")
    commitment = policy.commitments.get()
    assert commitment.report_dates == [asked.isoformat(), kept.isoformat()] and commitment.ends_on == new_end
