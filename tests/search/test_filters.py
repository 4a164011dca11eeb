"""Filters: kind, the matter's state and duty type, and a date range."""

import datetime as dt

from django.utils import timezone

from prasan.matters.models import Matter
from prasan.search import index
from prasan.search.sources import MATTER


def test_it_filters_by_kind(make_matter, make_activity, make_entry, users, find):
    matter = make_matter(title="อาชีวศึกษาทวิภาคี")
    make_activity(matter, "ประสานเรื่องอาชีวศึกษาทวิภาคี")
    make_entry(1, subject="อาชีวศึกษาทวิภาคี รุ่นที่ ๒")

    assert find(users["head"], "ทวิภาคี", kind="activity")[0] == ["โทรศัพท์"]
    assert find(users["head"], "ทวิภาคี", kind="entry")[0] == ["อาชีวศึกษาทวิภาคี รุ่นที่ ๒"]
    assert find(users["head"], "ทวิภาคี", kind="matter")[0] == ["อาชีวศึกษาทวิภาคี"]
    assert len(find(users["head"], "ทวิภาคี")[0]) == 3


def test_a_kind_the_user_may_not_search_finds_nothing(make_entry, users, find):
    make_entry(1, subject="อาชีวศึกษาทวิภาคี")

    assert find(users["admin"], "ทวิภาคี", kind="entry")[1].count() == 0


def test_it_filters_by_state_and_duty_type(make_matter, users, find):
    make_matter(title="กระทู้ถามเรื่องหนี้ครู", duty_type="parliament")
    accepted = make_matter(title="วิเคราะห์หนี้ครู", duty_type="analysis")
    accepted.fire("accept", by=users["coordinator"])

    assert find(users["coordinator"], "หนี้ครู", duty_type="parliament")[0] == ["กระทู้ถามเรื่องหนี้ครู"]
    assert find(users["coordinator"], "หนี้ครู", state="planning")[0] == ["วิเคราะห์หนี้ครู"]
    assert find(users["coordinator"], "หนี้ครู", state="closed")[0] == []


def test_it_filters_by_date_range(make_matter, users, find):
    old = make_matter(title="แท็บเล็ตเพื่อการเรียนรู้ รุ่นเก่า")
    make_matter(title="แท็บเล็ตเพื่อการเรียนรู้ รุ่นใหม่")
    Matter.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    index.refresh(MATTER, [old.pk])
    today = timezone.localdate()

    assert find(users["coordinator"], "แท็บเล็ต", date_from=today)[0] == ["แท็บเล็ตเพื่อการเรียนรู้ รุ่นใหม่"]
    assert find(users["coordinator"], "แท็บเล็ต", date_to=today - dt.timedelta(days=30))[0] == [
        "แท็บเล็ตเพื่อการเรียนรู้ รุ่นเก่า"]
    assert len(find(users["coordinator"], "แท็บเล็ต", date_from=today - dt.timedelta(days=41),
                    date_to=today)[0]) == 2
