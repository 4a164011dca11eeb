"""Keeping and destroying letters: nothing goes without a list a committee reviewed and the head approved."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.correspondence.models import EntryFile, RegisterEntry
from prasan.records import lists
from prasan.records.models import EntryRetention, RecordsList, Retention

pytestmark = pytest.mark.django_db
THIS_YEAR = 2569


def entry(office, register, year, number, **fields):
    return RegisterEntry.objects.create(office=office, register=register, year=year, number=number,
                                        letter_date=dt.date(year - 543, 3, 1), subject=f"หนังสือ {register} {number}",
                                        **fields)


def with_file(item):
    stored = EntryFile(entry=item, name="letter.pdf", sha256="0" * 64, size=8, content_type="application/pdf")
    stored.file.save("letter.bin", ContentFile(b"%PDF-1.4"), save=False)
    stored.save()
    return stored


@pytest.fixture
def registers(office):
    return {
        "old": entry(office, "incoming", 2555, 1),
        "recent": entry(office, "incoming", 2560, 1),
        "old_order": entry(office, "order", 2545, 1),
        "old_secret": entry(office, "secret", 2550, 1, secrecy=2),
        "old_confidential": entry(office, "incoming", 2550, 2, secrecy=1),
        "routine": entry(office, "outgoing", 2567, 1),
    }


def test_each_register_keeps_its_letters_for_its_time(registers):
    assert lists.retention_of(registers["old"]) == Retention.TEN_YEARS
    assert lists.retention_of(registers["old_order"]) == Retention.PERMANENT
    assert lists.retention_of(registers["old_secret"]) == Retention.SECRET
    assert lists.retention_of(registers["old_confidential"]) == Retention.SECRET


def test_the_destruction_list_names_only_letters_whose_time_has_ended(registers, users):
    EntryRetention.objects.create(entry=registers["routine"], retention=Retention.ROUTINE)
    EntryRetention.objects.create(entry=entry(registers["old"].office, "incoming", 2550, 9),
                                  retention=Retention.PERMANENT)
    made = lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])
    listed = {line.entry_id for line in made.lines.all()}
    assert listed == {registers["old"].pk, registers["routine"].pk}
    with pytest.raises(lists.ListError, match="มีบัญชีหนังสือขอทำลาย ประจำปี พ.ศ. 2569 แล้ว"):
        lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])


def test_nothing_is_destroyed_before_approval_and_the_list_outlives_the_letters(
        registers, users, django_capture_on_commit_callbacks):
    stored = with_file(registers["old"])
    made = lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])
    with pytest.raises(lists.ListError, match="ต้องได้รับอนุมัติ"):
        lists.carry_out(made, by=users["registrar"])
    with pytest.raises(lists.ListError, match="คณะกรรมการ"):
        lists.approve(made, by=users["head"], committee=" ")
    lists.approve(made, by=users["head"], committee="นาย ก ประธานกรรมการ\nนาง ข กรรมการ")
    with pytest.raises(lists.ListError, match="อนุมัติไปแล้ว"):
        lists.approve(made, by=users["head"], committee="อีกชุด")

    storage = stored.file.storage
    assert storage.exists(stored.file.name)
    with django_capture_on_commit_callbacks(execute=True):  # the bytes go when the database commits
        lists.carry_out(made, by=users["registrar"])
    assert not storage.exists(stored.file.name)
    made.refresh_from_db()
    assert made.status == RecordsList.Status.DONE
    assert not EntryFile.objects.filter(pk=stored.pk).exists()
    assert RegisterEntry.objects.filter(pk=registers["old"].pk).exists()  # the register keeps its line
    assert EntryRetention.objects.get(entry=registers["old"]).destroyed_at is not None
    assert made.lines.get().subject == registers["old"].subject
    event = AuditEvent.objects.filter(action="records.destruction").get()
    assert event.data["numbers"] == ["1/2555"]
    with pytest.raises(lists.ListError, match="ไปแล้ว"):
        lists.carry_out(made, by=users["registrar"])


def test_orders_twenty_years_old_go_on_the_transfer_list(registers, users):
    made = lists.draft(RecordsList.Kind.TRANSFER, THIS_YEAR, by=users["registrar"])
    assert [line.entry_id for line in made.lines.all()] == [registers["old_order"].pk]
    lists.approve(made, by=users["head"], committee="คณะกรรมการ")
    lists.carry_out(made, by=users["head"])
    assert EntryRetention.objects.get(entry=registers["old_order"]).transferred_at is not None


def test_an_empty_year_makes_no_list(users, office):
    with pytest.raises(lists.ListError, match="ไม่มีหนังสือที่ครบกำหนด"):
        lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])


@pytest.mark.parametrize("role,status", [("registrar", 200), ("head", 200), ("auditor", 200),
                                         ("coordinator", 403), ("admin", 403)])
def test_the_pages_are_for_the_registrar_the_head_and_the_auditor(login, users, registers, role, status):
    made = lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])
    client = login(users[role])
    assert client.get(reverse("records")).status_code == status
    assert client.get(reverse("records-list", args=[made.pk])).status_code == status


def test_only_the_head_approves_and_anonymous_is_sent_to_log_in(login, users, registers, client):
    made = lists.draft(RecordsList.Kind.DESTRUCTION, THIS_YEAR, by=users["registrar"])
    url = reverse("records-approve", args=[made.pk])
    assert login(users["registrar"]).post(url, {"committee": "ก"}).status_code == 403
    client.logout()
    assert client.post(url, {"committee": "ก"}).status_code == 302
    made.refresh_from_db()
    assert made.status == RecordsList.Status.DRAFT
    response = login(users["head"]).post(url, {"committee": "นาย ก ประธาน"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == RecordsList.Status.APPROVED
    page = login(users["registrar"]).get(reverse("records-list", args=[made.pk])).content.decode()
    assert "ทำลายหนังสือตามบัญชี" in page and "ทะเบียนหนังสือรับ" in page


def test_the_registrar_drafts_this_years_list_from_the_page(login, users, registers):
    response = login(users["registrar"]).post(reverse("records-draft"), {"kind": "destruction"})
    assert response.status_code == 302
    assert RecordsList.objects.get().lines.count() >= 1


def test_the_yearly_command_drafts_the_list_and_says_so(registers):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("records", "draft", "--kind", "destruction", "--year", "2569", stdout=out)
    assert "บัญชีหนังสือขอทำลาย ประจำปี พ.ศ. 2569: 1 รายการ" in out.getvalue()
    with pytest.raises(CommandError, match="แล้ว"):
        call_command("records", "draft", "--year", "2569", stdout=io.StringIO())
    with pytest.raises(CommandError, match="พ.ศ."):
        call_command("records", "draft", "--year", "2026", stdout=io.StringIO())
