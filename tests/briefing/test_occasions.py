"""Starting a pack from its occasion: a cabinet meeting, a parliament sitting, a committee summons, an engagement on
the minister's agenda. The pack belongs to a matter the builder may change; the suggested parts are only matters
the builder may see."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.briefing.models import Occasion, Pack

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def meeting(office, make_matter, users):
    from prasan.cabinet.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(office=office, meets_at=timezone.now() + dt.timedelta(days=2), number="15/2569")
    mine = make_matter(title="โครงการโรงเรียนคุณภาพประจำตำบล", duty_type="political_support")
    hidden = make_matter(title="ร่างระเบียบลับ", duty_type="political_support", secrecy=2,
                         assignees=[users["grouphead"]])
    for order, matter in (("4.1", mine), ("4.2", hidden)):
        AgendaItem.objects.create(meeting=meeting, matter=matter, order=order, subject=matter.title)
    return meeting


def test_from_a_cabinet_meeting(login, users, meeting):
    client = login(users["coordinator"])
    url = reverse("briefing-new") + f"?meeting={meeting.pk}"
    page = client.get(url).content.decode()
    assert "โครงการโรงเรียนคุณภาพประจำตำบล" in page and "ร่างระเบียบลับ" not in page
    owner = meeting.items.get(order="4.1").matter
    hidden = meeting.items.get(order="4.2").matter
    assert client.post(url, {"owner": hidden.pk, "title": "x", "occasion": "cabinet"}).status_code == 200
    response = client.post(url, {"owner": owner.pk, "title": "แฟ้มประชุม ครม. 15/2569", "occasion": "cabinet"})
    assert response.status_code == 302
    pack = Pack.objects.get()
    assert pack.cabinet_meeting == meeting and pack.matter == owner
    assert list(pack.parts.values_list("matter_id", flat=True)) == [owner.pk]
    # the group head sees both items and gets both as parts
    pack_2 = login(users["grouphead"]).post(url, {"owner": hidden.pk, "title": "แฟ้มกลุ่มงาน", "occasion": "cabinet"})
    assert pack_2.status_code == 302
    assert Pack.objects.get(title="แฟ้มกลุ่มงาน").parts.count() == 2
    meeting_page = login(users["coordinator"]).get(meeting.get_absolute_url()).content.decode()
    assert f"?meeting={meeting.pk}" in meeting_page


def test_a_cabinet_meeting_with_nothing_of_mine_is_refused_in_thai(login, users, meeting):
    response = login(users["outsider"]).get(reverse("briefing-new") + f"?meeting={meeting.pk}")
    assert response.status_code == 403 and "ไม่มีสิทธิ์แก้ไขเรื่องใด" in response.content.decode()


def _parliament_item(office, make_matter, **fields):
    from prasan.parliament.models import Item

    matter = make_matter(title=fields["subject"], duty_type="parliament", source="parliament")
    return Item.objects.create(office=office, matter=matter, received_on=TODAY, **fields)


def test_from_a_sitting_and_a_committee_summons(login, users, office, make_matter):
    from prasan.parliament.models import Session, Sitting

    session = Session.objects.create(name="สมัยประชุมสามัญ", starts_on=TODAY - dt.timedelta(days=30),
                                     ends_on=TODAY + dt.timedelta(days=90))
    sitting = Sitting.objects.create(session=session, house="house", date=TODAY + dt.timedelta(days=3),
                                     title="การประชุมสภาผู้แทนราษฎร ครั้งที่ ๑๒")
    question = _parliament_item(office, make_matter, kind="oral_question", house="house",
                                subject="กระทู้ถามเรื่องครูขาดแคลน", sitting_on=sitting.date)
    summons = _parliament_item(office, make_matter, kind="committee_summons", house="house",
                               subject="เชิญชี้แจงงบประมาณ", committee="คณะกรรมาธิการการศึกษา",
                               meeting_at=timezone.now() + dt.timedelta(days=5))
    client = login(users["coordinator"])
    page = client.get(reverse("briefing-new") + f"?sitting={sitting.pk}").content.decode()
    assert "กระทู้ถามเรื่องครูขาดแคลน" in page and "เชิญชี้แจงงบประมาณ" not in page
    url = reverse("briefing-new") + f"?item={summons.pk}"
    assert client.post(url, {"owner": summons.matter_id, "title": "แฟ้มกรรมาธิการ", "occasion": "committee"}
                       ).status_code == 302
    pack = Pack.objects.get()
    assert pack.parliament_item == summons and pack.occasion == Occasion.COMMITTEE
    assert f"?item={summons.pk}" in client.get(reverse("parliament-item", args=[summons.pk])).content.decode()
    assert question.matter_id not in pack.parts.values_list("matter_id", flat=True)
    assert login(users["coordinator"]).get(reverse("briefing-new") + "?item=999999").status_code == 404


def test_from_an_engagement_on_the_ministers_agenda(login, users, office, make_matter):
    from prasan.agenda.models import AgendaItem

    visit = make_matter(title="อำนวยความสะดวกการตรวจราชการขอนแก่น", kind="facilitation", duty_type="other")
    linked = make_matter(title="ข้อมูลโรงเรียนน้ำท่วม")
    starts = timezone.now() + dt.timedelta(days=4)
    item = AgendaItem.objects.create(office=office, kind="inspection", title="ตรวจราชการจังหวัดขอนแก่น",
                                     place="ศาลากลางจังหวัดขอนแก่น", starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=3), matter=visit)
    item.linked_matters.add(linked)
    client = login(users["coordinator"])
    url = reverse("briefing-new") + f"?agenda={item.pk}"
    page = client.get(url).content.decode()
    assert "ตรวจราชการจังหวัดขอนแก่น ณ ศาลากลางจังหวัดขอนแก่น" in page
    assert client.post(url, {"owner": visit.pk, "title": "แฟ้มตรวจราชการ", "occasion": "visit"}).status_code == 302
    pack = Pack.objects.get()
    assert pack.agenda_item == item and pack.matter == visit
    assert list(pack.parts.values_list("matter_id", flat=True)) == [visit.pk, linked.pk]
    # not for those the agenda is not shown to
    assert login(users["registrar"]).get(url).status_code == 404
    assert login(users["auditor"]).get(url).status_code == 404


def test_the_demo_office_has_a_pack_for_next_weeks_cabinet_meeting(db):
    from prasan.demo.build import load

    load(matter_count=30)
    pack = Pack.objects.get()
    assert pack.cabinet_meeting.number == "18/2569" and pack.status == Pack.Status.DRAFT
    assert pack.parts.count() == 2
    load(matter_count=30)  # again: nothing added
    assert Pack.objects.count() == 1
