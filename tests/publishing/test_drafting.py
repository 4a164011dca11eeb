""""เขียนข่าว" from the work: what the draft takes, from where, and what may never be a source."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.agenda.models import AgendaItem
from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter
from prasan.publishing import drafting


@pytest.fixture
def closed(make_matter):
    def make(**fields):
        fields.setdefault("description", "นายสมชาย ใจดี โทร 081-234-5678 ร้องว่าครูขาด")
        matter = make_matter(commanded_by="รัฐมนตรีว่าการกระทรวงศึกษาธิการ", **fields)
        Matter.objects.filter(pk=matter.pk).update(state="closed", closed_at=timezone.now())
        matter.refresh_from_db()
        return matter

    return make


def test_a_closed_matter_prefills_what_when_who_and_says_from_where(closed, users, agencies):
    matter = closed(title="มอบทุนการศึกษาแก่นักเรียนยากจน")
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลนักเรียน",
                                 deadline=timezone.localdate())
    post = drafting.from_matter(matter, by=users["coordinator"])
    assert post.title == "มอบทุนการศึกษาแก่นักเรียนยากจน" and post.status == "draft"
    assert post.source_matter == matter
    fields = {source["field"]: source for source in post.sources}
    assert fields["ผู้สั่งการ:"]["value"] == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
    assert fields["หน่วยงานที่ร่วมดำเนินการ:"]["value"] == agencies[0].name
    assert all(matter.number in source["source"] for source in post.sources)
    # Nothing of the description (a person's name and phone) is taken.
    assert "สมชาย" not in post.body_html and "081" not in post.body_html
    assert post.versions.count() == 1


@pytest.mark.parametrize("secrecy", [1, 2, 3])
def test_a_matter_above_normal_is_refused_with_the_reason(secrecy, closed, users):
    matter = closed(secrecy=secrecy, assignees=[users["head"]])
    with pytest.raises(drafting.NotASource, match="ชั้นความลับ"):
        drafting.from_matter(matter, by=users["head"])


def test_a_complaint_and_an_open_matter_are_refused(closed, make_matter, users):
    with pytest.raises(drafting.NotASource, match="ข้อมูลส่วนบุคคล"):
        drafting.from_matter(closed(duty_type="complaint"), by=users["coordinator"])
    with pytest.raises(drafting.NotASource, match="ปิดเรื่อง"):
        drafting.from_matter(make_matter(), by=users["coordinator"])


def agenda_item(matter, status="done", **fields):
    start = timezone.now() - dt.timedelta(days=1)
    defaults = dict(office=matter.office, kind="visit", title="ตรวจเยี่ยมโรงเรียนบ้านหนองบัว", starts_at=start,
                    ends_at=start + dt.timedelta(hours=2), place="โรงเรียนบ้านหนองบัว จ.อุดรธานี",
                    invited_by="นายสมปอง รักเรียน ผู้อำนวยการโรงเรียน", entourage="นางสาวผู้ติดตาม",
                    transport="เที่ยวบิน TG 100", note="ห้ามเผยแพร่", status=status, matter=matter)
    defaults.update(fields)
    return AgendaItem.objects.create(**defaults)


def test_a_done_engagement_prefills_what_when_where_without_people_or_logistics(make_matter, users, agencies):
    item = agenda_item(make_matter(kind="facilitation"), invited_by_agency=agencies[0])
    post = drafting.from_agenda_item(item, by=users["coordinator"])
    assert post.agenda_item == item and post.title == item.title
    values = {source["field"]: source["value"] for source in post.sources}
    assert values["ณ:"] == "โรงเรียนบ้านหนองบัว จ.อุดรธานี"
    assert values["หน่วยงานผู้เชิญ:"] == agencies[0].name
    assert "พ.ศ." not in values["เมื่อ:"] and "น." in values["เมื่อ:"]
    for private in ("สมปอง", "ผู้ติดตาม", "TG 100", "ห้ามเผยแพร่"):
        assert private not in post.body_html + post.summary + str(post.sources)


def test_an_engagement_not_done_or_secret_is_refused(make_matter, users):
    with pytest.raises(drafting.NotASource, match="เสร็จสิ้น"):
        drafting.from_agenda_item(agenda_item(make_matter(), status="accepted"), by=users["coordinator"])
    secret = make_matter(secrecy=1)
    with pytest.raises(drafting.NotASource, match="ชั้นความลับ"):
        drafting.from_agenda_item(agenda_item(secret), by=users["coordinator"])
