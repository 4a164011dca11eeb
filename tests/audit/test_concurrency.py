"""Appends from several connections at once never fork the chain (PostgreSQL, real row locks)."""

import threading

import pytest
from django.db import connection, transaction

from prasan.audit.models import AuditEvent, record, verify

THREADS = 8
EACH = 15


@pytest.mark.django_db(transaction=True)
def test_appends_from_many_threads_never_fork_the_chain():
    if connection.vendor != "postgresql":
        # SQLite's test database lives in memory with a shared cache, whose table locks fail at
        # once instead of waiting; production SQLite takes the write lock at BEGIN (IMMEDIATE).
        pytest.skip("needs PostgreSQL: the in-memory SQLite test database cannot take concurrent writers")
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def append(worker: int) -> None:
        from django.db import connection as own  # each thread gets its own connection

        try:
            start.wait()
            for n in range(EACH):
                with transaction.atomic():
                    record(f"worker-{worker}", "test.append", ("tests.thing", f"{worker}-{n}"), n=n)
        except BaseException as error:  # noqa: BLE001 — reported by the main thread
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=append, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert verify() == (THREADS * EACH, [])
    prev_hashes = list(AuditEvent.objects.values_list("prev_hash", flat=True))
    assert len(set(prev_hashes)) == len(prev_hashes)  # no two events follow the same one
