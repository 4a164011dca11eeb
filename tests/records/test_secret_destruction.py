"""Secret letters are destroyed only as the secrecy regulation says: proposed by the keeper of the secret register,
approved by the head of office who names a committee of at least two cleared officials, destroyed and certified by
that committee; a destruction one is not cleared for is a 404, and every step and every opening is audited."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.records import secret_destruction as sd
from prasan.records.models import EntryRetention, SecretDestruction
from prasan.thai.digits import to_thai
from prasan.tracking.models import Notice
from tests.conftest import make_user

from .test_lists import entry, with_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper(users):
    users["registrar"].clearance = 3
    users["registrar"].save()
    return users["registrar"]


@pytest.fixture
def letters(office, make_matter):
    closed = make_matter(title="สอบข้อเท็จจริงกรณีร้องเรียนผู้บริหาร", secrecy=2)
    closed.state, closed.closed_at = "closed", timezone.now()
    closed.save()
    still_open = make_matter(title="เรื่องลับที่ยังดำเนินการ", secrecy=1)
    return {
        "top": entry(office, "secret", 2566, 1, secrecy=3),
        "closed_matter": entry(office, "secret", 2567, 2, secrecy=2, matter=closed),
        "open_matter": entry(office, "secret", 2568, 3, secrecy=1, matter=still_open),
        "confidential_incoming": entry(office, "incoming", 2567, 40, secrecy=1),
        "plain": entry(office, "incoming", 2567, 41),
    }


@pytest.fixture
def committee(unit):
    return [make_user("member1", "coordinator", unit, clearance=3, position="นักวิเคราะห์นโยบายและแผนชำนาญการ"),
            make_user("member2", "group_head", unit, clearance=3, position="หัวหน้ากลุ่มงานวิเคราะห์")]


def test_only_secret_letters_no_longer_needed_and_within_clearance_may_be_proposed(letters, keeper, users):
    eligible = set(sd.eligible(keeper))
    assert eligible == {letters["top"], letters["closed_matter"], letters["confidential_incoming"]}
    users["grouphead"].role = "registrar"  # clearance ลับมาก: the ลับที่สุด letter is not for him to list
    assert letters["top"] not in set(sd.eligible(users["grouphead"]))


def test_the_whole_path_destroys_the_files_and_keeps_the_certificate(letters, keeper, users, committee,
                                                                     django_capture_on_commit_callbacks):
    stored = with_file(letters["top"])
    made = sd.propose([letters["top"].pk, letters["closed_matter"].pk], reason="หมดความจำเป็นต้องเก็บรักษา",
                      by=keeper)
    assert (made.seq, made.secrecy, made.lines.count()) == (1, 3, 2)
    assert letters["top"] not in set(sd.eligible(keeper))  # never on two destructions

    with pytest.raises(sd.DestructionError, match="อย่างน้อย 2 คน"):
        sd.approve(made, by=users["head"], member_ids=[committee[0].pk], method="shred")
    with pytest.raises(sd.DestructionError, match="coordinator มีชั้นความลับไม่ถึง “ลับที่สุด”"):
        sd.approve(made, by=users["head"], member_ids=[committee[0].pk, users["coordinator"].pk], method="shred")
    with pytest.raises(sd.DestructionError, match="หัวหน้าสำนักงาน"):
        sd.approve(made, by=keeper, member_ids=[m.pk for m in committee], method="shred")
    sd.approve(made, by=users["head"], member_ids=[m.pk for m in committee], method="shred")
    # Each is told as any turn is told: in Prasan and by e-mail, naming the list, never a letter's subject.
    told = Notice.objects.filter(key__startswith=f"secret-destruction:{made.pk}:")
    assert set(told.filter(channel="email").values_list("user", flat=True)) >= {users["head"].pk} | {
        m.pk for m in committee if m.email}
    assert all(str(made) in n.subject and "ผู้บริหาร" not in n.body for n in told)

    with pytest.raises(sd.DestructionError, match="กรรมการทำลายที่ได้รับแต่งตั้ง"):
        sd.carry_out(made, by=keeper, destroyed_on=timezone.localdate())
    with pytest.raises(sd.DestructionError, match="ไม่เกินวันนี้"):
        sd.carry_out(made, by=committee[0], destroyed_on=timezone.localdate() + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        done = sd.carry_out(made, by=committee[0], destroyed_on=timezone.localdate())

    assert done.status == SecretDestruction.Status.DONE
    assert not letters["top"].files.exists() and not stored.file.storage.exists(stored.file.name)
    assert EntryRetention.objects.get(entry=letters["top"]).destroyed_at is not None
    assert done.lines.count() == 2  # the lines outlive the letters
    actions = list(AuditEvent.objects.filter(action__startswith="records.secret").values_list("action", flat=True))
    assert actions == ["records.secret_propose", "records.secret_approve", "records.secret_destroy"]


def test_a_letter_already_proposed_or_of_an_open_matter_is_refused(letters, keeper):
    with pytest.raises(sd.DestructionError, match="เรื่องยังไม่ปิด"):
        sd.propose([letters["open_matter"].pk], reason="หมดความจำเป็น", by=keeper)
    with pytest.raises(sd.DestructionError, match="เหตุที่ขอทำลาย"):
        sd.propose([letters["top"].pk], reason="  ", by=keeper)
    with pytest.raises(sd.DestructionError, match="รหัสอักขระ 0"):
        sd.propose([letters["top"].pk], reason="หมด\x00ความจำเป็น", by=keeper)
    assert not SecretDestruction.objects.exists()


def _proposed(letters, keeper):
    return sd.propose([letters["top"].pk], reason="หมดความจำเป็นต้องเก็บรักษา", by=keeper)


@pytest.mark.parametrize("who, status", [
    ("head", 200), ("auditor_cleared", 200), ("grouphead", 404), ("auditor", 404), ("coordinator", 404),
    ("admin_uncleared", 404), (None, 302),
])
def test_the_page_is_a_404_to_anyone_not_cleared_and_its_reading_audited(client, letters, keeper, users, who,
                                                                          status):
    made = _proposed(letters, keeper)
    people = dict(users, auditor_cleared=make_user("auditor2", "auditor", clearance=3),
                  admin_uncleared=make_user("admin2", "admin", is_staff=True))
    if who:
        client.force_login(people[who])
    response = client.get(reverse("records-secret-detail", args=[made.pk]))
    assert response.status_code == status
    if status == 200:
        assert letters["top"].subject in response.content.decode()
        assert AuditEvent.objects.filter(action="records.secret_read", actor=people[who]).exists()
    elif status == 404:
        assert letters["top"].subject not in response.content.decode()


def test_through_the_pages_with_the_certificate_printed(client, letters, keeper, users, committee, tmp_path):
    client.force_login(keeper)
    page = client.get(reverse("records-secret")).content.decode()
    assert letters["top"].subject in page and letters["open_matter"].subject not in page
    response = client.post(reverse("records-secret-propose"), {"entry": [letters["top"].pk], "reason": ""})
    assert response.status_code == 302 and not SecretDestruction.objects.exists()
    response = client.post(reverse("records-secret-propose"),
                           {"entry": [letters["top"].pk, letters["confidential_incoming"].pk],
                            "reason": "หมดความจำเป็นต้องเก็บรักษา"}, follow=True)
    made = SecretDestruction.objects.get()
    assert "รอหัวหน้าสำนักงานอนุมัติ" in response.content.decode()
    # Only the head approves; the others are refused without a change.
    assert client.post(reverse("records-secret-approve", args=[made.pk]), {}).status_code == 403
    client.force_login(users["head"])
    page = client.get(reverse("records-secret-detail", args=[made.pk])).content.decode()
    assert "member1" in page and "coordinator" not in page  # only the cleared are offered
    client.post(reverse("records-secret-approve", args=[made.pk]),
                {"member": [m.pk for m in committee], "method": "burn"})
    client.force_login(committee[1])
    response = client.post(reverse("records-secret-carry-out", args=[made.pk]), {"destroyed_on": "๓๑ ก.พ. ๒๕๖๙"})
    assert "วันที่ไม่ถูกต้อง" in response.content.decode() or "ไม่มีวันที่" in response.content.decode()
    today = timezone.localdate()
    client.post(reverse("records-secret-carry-out", args=[made.pk]),
                {"destroyed_on": f"{today.day}/{today.month}/{today.year + 543}"})
    made.refresh_from_db()
    assert made.status == SecretDestruction.Status.DONE and made.destroyed_on == today
    pdf = client.get(reverse("records-secret-certificate", args=[made.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode()
    (tmp_path / "certificate.pdf").write_bytes(pdf.content)
    for expected in ("ใบรับรองการทำลายข้อมูลข่าวสารลับ", "ลับที่สุด", to_thai(letters["top"].subject), "โดยวิธีเผา",
                     "ประธานกรรมการ", "member2", "หัวหน้ากลุ่มงานวิเคราะห์"):
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="records.secret_certificate").count() == 1


def test_the_list_shows_a_committee_member_only_theirs_and_others_nothing(client, letters, keeper, users,
                                                                          committee):
    made = _proposed(letters, keeper)
    sd.approve(made, by=users["head"], member_ids=[m.pk for m in committee], method="shred")
    client.force_login(committee[0])
    assert str(made) in client.get(reverse("records-secret")).content.decode()
    client.force_login(users["coordinator"])
    assert client.get(reverse("records-secret")).status_code == 404
