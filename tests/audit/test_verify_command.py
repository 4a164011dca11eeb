"""`prasan audit verify`: Thai report, non-zero exit when the chain is broken."""

import io

import pytest
from django.core.management import CommandError, call_command

from prasan.audit.models import AuditEvent, record

pytestmark = pytest.mark.django_db


def run_verify() -> str:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


@pytest.fixture
def events(users):
    return [record(users["registrar"], "register.number", ("correspondence.entry", n)) for n in range(4)]


def test_it_reports_an_intact_chain_and_its_head(events):
    out = run_verify()
    assert "ห่วงโซ่ถูกต้อง: ตรวจ 4 รายการ" in out
    assert events[-1].hash in out


def test_it_reports_an_empty_log_as_intact(db):
    assert "ตรวจ 0 รายการ" in run_verify()


def test_it_fails_in_thai_on_an_edited_event(events):
    AuditEvent.objects.filter(pk=events[1].pk).update(action="register.cancel")
    with pytest.raises(CommandError, match="ห่วงโซ่บันทึกการตรวจสอบเสียหาย") as error:
        run_verify()
    assert str(events[1].pk) in str(error.value)
    assert error.value.returncode != 0


def test_it_fails_in_thai_when_the_newest_events_are_gone(events):
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    with pytest.raises(CommandError, match="รายการล่าสุดหายไป"):
        run_verify()

