"""Register numbers: gapless and unique, also under concurrency, on SQLite and PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from prasan.audit.models import AuditEvent
from prasan.correspondence import numbering
from prasan.correspondence.models import Register, RegisterEntry
from prasan.thai.dates import be_year


@pytest.mark.django_db
def test_numbers_run_per_register_and_year(office, users):
    by = users["registrar"]
    a = numbering.register_entry(office, "incoming", by=by, subject="ก", sender="สพฐ.")
    b = numbering.register_entry(office, "incoming", by=by, subject="ข", sender="สพฐ.")
    c = numbering.register_entry(office, "outgoing", by=by, subject="ค")
    assert (a.number, b.number, c.number) == (1, 2, 1)
    assert a.year == be_year(a.registered_at.date())


@pytest.mark.django_db
def test_outgoing_and_circular_numbers_follow_the_units_format(office, unit, users):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    out = numbering.register_entry(office, "outgoing", by=users["registrar"], subject="ก", unit=unit)
    circ = numbering.register_entry(office, "circular", by=users["registrar"], subject="ข", unit=unit)
    order = numbering.register_entry(office, "order", by=users["registrar"], subject="ค")
    assert out.doc_number == "ศธ 0201.1/1"
    assert circ.doc_number == "ศธ 0201.1/ว 1"
    assert order.doc_number == f"1/{order.year}"


def test_fiscal_year_numbering():
    import datetime as dt

    class Office:
        numbering_year = "fiscal"

    assert numbering.numbering_year(Office(), dt.date(2026, 10, 1)) == 2570
    assert numbering.numbering_year(Office(), dt.date(2026, 9, 30)) == 2569


@pytest.mark.django_db
def test_a_cancelled_entry_keeps_its_number_and_the_next_one_moves_on(office, users):
    by = users["registrar"]
    first = numbering.register_entry(office, "outgoing", by=by, subject="ก")
    numbering.cancel(first, by=by, reason="พิมพ์ผิด")
    second = numbering.register_entry(office, "outgoing", by=by, subject="ข")
    first.refresh_from_db()
    assert first.status == "cancelled" and first.number == 1 and second.number == 2
    assert AuditEvent.objects.filter(action="register.cancel").count() == 1


@pytest.mark.django_db
def test_a_reserved_number_is_filled_later(office, users):
    by = users["coordinator"]
    reserved = numbering.register_entry(office, "outgoing", by=by, reserved=True)
    assert reserved.status == "reserved" and reserved.number == 1
    filled = numbering.fill_reserved(reserved, by=by, subject="ขอเชิญประชุม", recipient="สพฐ.")
    assert filled.status == "active" and filled.subject == "ขอเชิญประชุม" and filled.number == 1
    with pytest.raises(ValueError):
        numbering.fill_reserved(filled, by=by, subject="อีกครั้ง")


@pytest.mark.django_db
def test_a_failed_entry_leaves_no_gap(office, users):
    by = users["registrar"]
    with pytest.raises(ValidationError):
        numbering.register_entry(office, "incoming", by=by, subject="x" * 600)
    entry = numbering.register_entry(office, "incoming", by=by, subject="ถัดไป")
    assert entry.number == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_entries_get_fifty_consecutive_numbers(office, users):
    by = users["registrar"]
    errors = []
    start = threading.Barrier(10)

    def worker(i):
        try:
            start.wait()
            for j in range(5):
                numbering.register_entry(office, Register.OUTGOING, by=by, subject=f"หนังสือ {i}-{j}")
        except Exception as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(RegisterEntry.objects.filter(register="outgoing").values_list("number", flat=True))
    assert numbers == list(range(1, 51))
