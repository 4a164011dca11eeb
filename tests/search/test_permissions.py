"""A secret matter the user may not see never appears, nor in counts — nor its activities, answers, entries."""

import pytest
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.correspondence.models import LetterIntake
from prasan.matters.models import Matter, MatterShare
from prasan.search import grants
from prasan.search.models import SearchEntry, SearchGrant
from prasan.search.query import permitted
from tests.conftest import make_user, share_past_clearance

SECRET = "ข้อมูลการสอบสวนวินัยผู้บริหารสถานศึกษา"


@pytest.fixture
def secret(make_matter, users):
    """ลับ, assigned to the coordinator: `uncleared` has no clearance, `outsider` has no need to know."""
    return make_matter(title=SECRET, secrecy=1, assignees=[users["coordinator"]])


@pytest.mark.parametrize("who", ["uncleared", "outsider", "registrar", "auditor", "admin"])
def test_a_secret_matter_is_neither_found_nor_counted_by_those_who_may_not_see_it(secret, make_matter, users,
                                                                                   find, who):
    make_matter(title="ข้อมูลการสอบสวนวินัยที่เปิดเผยได้")

    titles, results = find(users[who], "การสอบสวนวินัย")

    assert titles == ["ข้อมูลการสอบสวนวินัยที่เปิดเผยได้"]
    assert results.count() == 1


@pytest.mark.parametrize("who", ["coordinator", "head", "minister", "grouphead"])
def test_a_secret_matter_is_found_by_those_with_clearance_and_need_to_know(secret, users, find, who):
    assert find(users[who], "การสอบสวนวินัย")[0] == [SECRET]


def test_a_share_gives_need_to_know(secret, users, find):
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == []
    MatterShare.objects.create(matter=secret, user=users["outsider"], granted_by=users["head"])
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == [SECRET]


def test_the_activities_answers_and_entries_of_a_secret_matter_are_hidden_too(secret, make_activity, make_entry,
                                                                               agencies, users, find):
    make_activity(secret, "โทรสอบถามผลการสอบสวนของคณะกรรมการ")
    AgencyRequest.objects.create(matter=secret, agency=agencies[0], deliverable="ผลการสอบสวน",
                                 deadline=timezone.localdate(), answer="ผลการสอบสวนเสร็จแล้ว", status="answered")
    make_entry(1, subject="รายงานผลการสอบสวน", matter=secret)

    for who in ("uncleared", "outsider"):
        titles, results = find(users[who], "ผลการสอบสวน")
        assert titles == [] and results.count() == 0, who
    for who in ("coordinator", "head"):
        assert sorted(find(users[who], "ผลการสอบสวน")[0]) == sorted(
            ["รายงานผลการสอบสวน", "คำตอบจาก สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "โทรศัพท์"]), who


def test_making_a_matter_secret_hides_what_was_already_indexed(make_matter, make_activity, users, find):
    matter = make_matter(title="เรื่องที่จะกลายเป็นลับ")
    make_activity(matter, "บันทึกประสานเรื่องกลายเป็นลับ")
    assert len(find(users["outsider"], "กลายเป็นลับ")[0]) == 2

    matter.secrecy = 2
    matter.save()

    assert find(users["outsider"], "กลายเป็นลับ")[0] == []
    assert SearchEntry.objects.filter(matter_id=matter.pk, secrecy=2, need_to_know=True).count() == 2


def test_secret_register_entries_need_clearance(make_entry, users, find):
    make_entry(1, register="secret", subject="หนังสือลับเรื่องการย้ายผู้อำนวยการ")
    make_entry(2, subject="หนังสือลับมากเรื่องการย้ายผู้อำนวยการ", secrecy=2)

    assert find(users["registrar"], "การย้ายผู้อำนวยการ")[0] == []  # a registrar without clearance
    assert len(find(users["grouphead"], "การย้ายผู้อำนวยการ")[0]) == 2  # clearance ลับมาก
    assert find(users["uncleared"], "การย้ายผู้อำนวยการ")[0] == []


def test_letters_are_found_by_who_brought_them_in_and_by_the_registry(users, find):
    LetterIntake.objects.create(name="letter.pdf", sha256="0" * 64, size=1, status="ready",
                                text="ขอเชิญประชุมคณะกรรมการลูกเสือแห่งชาติ", created_by=users["coordinator"])

    assert find(users["coordinator"], "ลูกเสือแห่งชาติ")[0] == ["letter.pdf"]
    assert find(users["registrar"], "ลูกเสือแห่งชาติ")[0] == ["letter.pdf"]
    assert find(users["grouphead"], "ลูกเสือแห่งชาติ")[0] == []
    assert find(users["auditor"], "ลูกเสือแห่งชาติ")[0] == []


def test_the_secret_rule_is_exactly_matter_visible_to(make_matter, users):
    """For every kind of user, the index shows the matters Matter.objects.visible_to shows — no more, no less."""
    for secrecy in (0, 1, 2, 3):
        for owner in (users["coordinator"], users["outsider"]):
            make_matter(title=f"ทดสอบสิทธิ์ {secrecy}", secrecy=secrecy, assignees=[owner], owner_unit=owner.unit)
    share_past_clearance(Matter.objects.get(title="ทดสอบสิทธิ์ 3", assignees=users["outsider"]), users["grouphead"])
    for who, user in users.items():
        expected = set(Matter.objects.visible_to(user).values_list("pk", flat=True))
        found = set(SearchEntry.objects.filter(permitted(user), kind="matter").values_list("object_id", flat=True))
        assert found == expected, who


@pytest.mark.parametrize("who", ["head", "minister"])
def test_a_head_sees_secret_parts_up_to_their_clearance_without_a_lookup_per_matter(make_matter, make_activity,
                                                                                    users, find, who):
    """Matter.visible_to gives heads need to know of every matter: the level alone decides, so the index's
    rule names no matter table (on PostgreSQL that lookup became a hash of every matter, every search)."""
    user = users[who]
    for secrecy in (1, 2, 3):
        matter = make_matter(title=f"ความลับระดับ {secrecy}", secrecy=secrecy, assignees=[users["outsider"]])
        make_activity(matter, f"บันทึกความลับระดับ {secrecy}")
    user.clearance = 2
    user.save()

    titles, results = find(user, "ความลับระดับ")

    assert sorted(titles) == ["ความลับระดับ 1", "ความลับระดับ 2", "โทรศัพท์", "โทรศัพท์"]
    assert results.count() == 4
    assert "matters_matter" not in str(SearchEntry.objects.filter(permitted(user)).query)


def test_assigning_or_unassigning_a_secret_matter_gives_or_takes_need_to_know(secret, users, find):
    secret.assignees.add(users["outsider"])
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == [SECRET]

    secret.assignees.remove(users["outsider"])
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == []

    users["outsider"].assigned_matters.add(secret)
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == [SECRET]
    users["outsider"].assigned_matters.clear()
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == []


def test_taking_back_a_share_takes_back_need_to_know(secret, users, find):
    share = MatterShare.objects.create(matter=secret, user=users["outsider"], granted_by=users["head"])
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == [SECRET]

    share.delete()

    assert find(users["outsider"], "การสอบสวนวินัย")[0] == []


def test_moving_a_secret_matter_to_another_unit_moves_it_to_that_group_head(secret, other_unit, users, find):
    other_head = make_user("otherhead", "group_head", other_unit, clearance=2)
    assert find(other_head, "การสอบสวนวินัย")[0] == []

    secret.owner_unit = other_unit
    secret.save()

    assert find(other_head, "การสอบสวนวินัย")[0] == [SECRET]
    assert find(users["grouphead"], "การสอบสวนวินัย")[0] == []


def test_a_matter_made_normal_again_keeps_no_grants(secret, users, find):
    secret.secrecy = 0
    secret.save()

    assert SearchGrant.objects.filter(matter_id=secret.pk).count() == 0
    assert find(users["outsider"], "การสอบสวนวินัย")[0] == [SECRET]


def test_deleting_a_secret_matter_removes_its_grants(secret):
    secret.delete()

    assert not SearchGrant.objects.exists()


def test_the_rebuild_makes_the_same_grants_as_the_signals(secret, make_matter, users):
    make_matter(title="ลับมากของกลุ่มอื่น", secrecy=2, assignees=[users["outsider"]])
    share_past_clearance(secret, users["grouphead"])
    kept = sorted(SearchGrant.objects.values_list("matter_id", "user_id", "unit_id"), key=str)

    grants.rebuild()

    assert sorted(SearchGrant.objects.values_list("matter_id", "user_id", "unit_id"), key=str) == kept
    assert len(kept) == 5  # two assignees, one share, the two matters' owner unit
