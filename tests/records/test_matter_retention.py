"""A matter's keeping class: its letters are kept at least that long (set on the matter page, audited)."""

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.correspondence import numbering
from prasan.records import lists
from prasan.records.models import MatterRetention, RecordsList, Retention

pytestmark = pytest.mark.django_db


def letter(office, users, matter, year: int):
    entry = numbering.register_entry(office, "incoming", by=users["registrar"],
                                     doc_number=f"ศธ 04006/{matter.pk}{year}",
                                     sender="สพฐ.", subject="ขอข้อมูล", matter=matter)
    type(entry).objects.filter(pk=entry.pk).update(year=year)
    entry.refresh_from_db()
    return entry


def test_a_letter_of_a_matter_kept_for_good_is_never_listed_for_destruction_and_goes_to_the_archives(
        office, users, make_matter):
    kept, ordinary = make_matter(title="นโยบายปฏิรูปการศึกษา"), make_matter(title="ขอข้อมูลทั่วไป")
    old_kept, old_ordinary = letter(office, users, kept, 2540), letter(office, users, ordinary, 2540)
    lists.set_for_matter(kept, Retention.PERMANENT, by=users["head"])
    assert lists.retention_of(old_kept) == Retention.PERMANENT
    due = [entry for entry, _ in lists.due_for_destruction(2569)]
    assert old_ordinary in due and old_kept not in due
    assert [entry for entry, _ in lists.due_for_transfer(2569)] == [old_kept]


def test_a_routine_letter_of_a_ten_year_matter_waits_ten_years(office, users, make_matter):
    matter = make_matter(title="เรื่องติดตามงบประมาณ")
    entry = letter(office, users, matter, 2565)
    from prasan.records.models import EntryRetention

    EntryRetention.objects.create(entry=entry, retention=Retention.ROUTINE)
    assert entry in [e for e, _ in lists.due_for_destruction(2569)]  # a year's keeping is over
    lists.set_for_matter(matter, Retention.TEN_YEARS, by=users["registrar"])
    assert entry not in [e for e, _ in lists.due_for_destruction(2569)]
    assert entry in [e for e, _ in lists.due_for_destruction(2576)]


def test_the_matter_page_sets_it_for_the_registrar_and_the_head_only(office, users, make_matter, login):
    matter = make_matter(title="นโยบายปฏิรูปการศึกษา")
    url = reverse("records-matter-retention", args=[matter.pk])
    page = login(users["registrar"]).get(matter.get_absolute_url()).content.decode()
    assert "อายุการเก็บหนังสือ" in page and 'name="retention"' in page
    response = login(users["registrar"]).post(url, {"retention": Retention.PERMANENT}, follow=True)
    assert "กำหนดอายุการเก็บหนังสือของเรื่องแล้ว" in response.content.decode()
    assert MatterRetention.objects.get(matter=matter).retention == Retention.PERMANENT
    assert AuditEvent.objects.filter(action="records.matter_retention").count() == 1
    coordinator_page = login(users["coordinator"]).get(matter.get_absolute_url()).content.decode()
    assert 'name="retention"' not in coordinator_page  # shown, not offered
    assert login(users["coordinator"]).post(url, {"retention": Retention.ROUTINE}).status_code == 403
    assert login(users["head"]).post(url, {"retention": "forever"}, follow=True).status_code == 200
    assert MatterRetention.objects.get(matter=matter).retention == Retention.PERMANENT  # nonsense changes nothing
    assert RecordsList.objects.count() == 0


def test_a_secret_matter_the_registrar_may_not_see_is_not_found(office, users, make_matter, login):
    secret = make_matter(title="เรื่องลับที่สุด", secrecy=3, assignees=[])
    users["registrar"].clearance = 0
    users["registrar"].save()
    url = reverse("records-matter-retention", args=[secret.pk])
    assert login(users["registrar"]).post(url, {"retention": Retention.PERMANENT}).status_code == 404
    assert not MatterRetention.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, make_matter):
    matter = make_matter(title="เรื่องใด ๆ")
    response = client.post(reverse("records-matter-retention", args=[matter.pk]), {"retention": "permanent"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_committee_typed_with_a_control_character_is_refused_in_thai(users):
    from prasan import hygiene

    made = RecordsList.objects.create(kind="destruction", year=2569)
    with pytest.raises(lists.ListError, match="อักขระควบคุม"):
        lists.approve(made, by=users["head"], committee="นาย ก\x00 ประธาน")
    with pytest.raises(lists.ListError, match="ไม่เกิน 5,000"):
        lists.approve(made, by=users["head"], committee="ก" * 5001)
    made.refresh_from_db()
    assert made.status == "draft" and hygiene.find(made.committee) is None
