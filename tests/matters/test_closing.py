"""Closing a matter whose agencies still owe answers: the closer says, in the same step, cancel or keep them."""

import datetime as dt

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Decision, Matter
from prasan.matters.workflow import OpenRequestsLeft

pytestmark = pytest.mark.django_db


@pytest.fixture
def following_up(make_matter, users, agencies):
    """A substantive matter past the minister's decision, with one answered and two open agency requests."""
    matter = make_matter(title="ติดตามการจัดสรรอัตราครูผู้ช่วย")
    Matter.objects.filter(pk=matter.pk).update(state="following_up")
    matter.refresh_from_db()
    Decision.objects.create(matter=matter, verdict="approved", text="อนุมัติ", decided_by="รัฐมนตรี")
    today = dt.date.today()
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลครู", deadline=today,
                                 status="answered", answer="ส่งแล้ว")
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลงบประมาณ",
                                 deadline=today + dt.timedelta(days=3))
    AgencyRequest.objects.create(matter=matter, agency=agencies[1], deliverable="ข้อมูลอาชีวะ",
                                 deadline=today + dt.timedelta(days=5), status="acknowledged")
    return matter


def statuses(matter):
    return sorted(matter.agency_requests.values_list("status", flat=True))


def test_closing_with_open_requests_and_no_choice_is_refused_listing_them(following_up, users, agencies):
    with pytest.raises(OpenRequestsLeft, match="2 รายการ") as refused:
        following_up.fire("close", by=users["coordinator"])
    assert agencies[0].name in str(refused.value) and agencies[1].name in str(refused.value)
    assert [r.agency_id for r in refused.value.requests] == [agencies[0].pk, agencies[1].pk]
    following_up.refresh_from_db()
    assert following_up.state == "following_up"
    assert statuses(following_up) == ["acknowledged", "answered", "sent"]
    assert not AuditEvent.objects.filter(action="matter.close").exists()


def test_closing_and_cancelling_cancels_every_open_request_and_says_so(following_up, users):
    following_up.fire("close", by=users["coordinator"], open_requests="cancel")
    following_up.refresh_from_db()
    assert following_up.state == "closed"
    assert statuses(following_up) == ["answered", "cancelled", "cancelled"]
    assert AuditEvent.objects.filter(action="request.cancel").count() == 2
    close = AuditEvent.objects.get(action="matter.close")
    assert close.data["open_requests"] == "cancel" and len(close.data["requests"]) == 2


def test_closing_and_keeping_leaves_the_requests_open(following_up, users):
    following_up.fire("close", by=users["coordinator"], open_requests="keep")
    following_up.refresh_from_db()
    assert following_up.state == "closed"
    assert statuses(following_up) == ["acknowledged", "answered", "sent"]
    assert AuditEvent.objects.get(action="matter.close").data["open_requests"] == "keep"


def test_a_matter_without_open_requests_closes_without_being_asked(make_matter, users):
    matter = make_matter(kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    matter.fire("close", by=users["coordinator"], message="ส่งข้อมูลให้รัฐมนตรีแล้ว")
    matter.refresh_from_db()
    assert matter.state == "closed"


def test_a_wrong_role_is_refused_before_being_asked_about_requests(following_up, users):
    from prasan.matters.workflow import NotPermitted

    with pytest.raises(NotPermitted):
        following_up.fire("close", by=users["minister"], open_requests="cancel")
    assert statuses(following_up) == ["acknowledged", "answered", "sent"]


# ---- the matter page --------------------------------------------------------------------------------------

def test_the_close_form_lists_the_open_requests_and_asks_cancel_or_keep(following_up, users, login, agencies):
    page = login(users["coordinator"]).get(following_up.get_absolute_url()).content.decode()
    assert "ยังมีคำขอถึงหน่วยงานที่ยังไม่ได้ตอบ 2 รายการ" in page
    assert 'name="open_requests" value="cancel"' in page and 'name="open_requests" value="keep"' in page
    assert agencies[1].name in page


def test_closing_from_the_page_without_a_choice_changes_nothing_and_says_why(following_up, users, login):
    response = login(users["coordinator"]).post(reverse("matter-event", args=[following_up.pk]), {"event": "close"})
    assert response.status_code == 409
    assert "โปรดเลือกว่าจะยกเลิกคำขอเหล่านี้หรือคงไว้" in response.content.decode()
    following_up.refresh_from_db()
    assert following_up.state == "following_up"


def test_closing_from_the_page_with_cancel_closes_and_cancels(following_up, users, login):
    response = login(users["coordinator"]).post(reverse("matter-event", args=[following_up.pk]),
                                                {"event": "close", "open_requests": "cancel"})
    assert response.status_code == 302
    following_up.refresh_from_db()
    assert following_up.state == "closed"
    assert statuses(following_up) == ["answered", "cancelled", "cancelled"]


def test_the_close_form_has_no_question_when_nothing_is_open(make_matter, users, login):
    matter = make_matter(kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    page = login(users["coordinator"]).get(matter.get_absolute_url()).content.decode()
    assert "ปิดเรื่อง" in page and 'name="open_requests"' not in page
