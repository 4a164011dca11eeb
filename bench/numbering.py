"""Register numbering under contention: entries per second for N writers (threads) numbering one register at once.

Each writer has its own database connection, as each request of a threaded server does, and all start together.
The run also checks what it measured: the numbers it took are consecutive, with no gap and no duplicate.

    from bench.numbering import concurrent_per_s
    concurrent_per_s(Office.current(), registrar, writers=8, per_writer=25)
"""

import threading
import time

from django.db import connection
from django.db.models import Max

from prasan.correspondence import numbering
from prasan.correspondence.models import Register, RegisterEntry


def concurrent_per_s(office, by, *, writers: int = 8, per_writer: int = 25,
                     register: str = Register.OUTGOING) -> float:
    """Entries per second for `writers` threads each numbering `per_writer` entries in `register`."""
    last_id = RegisterEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    start = threading.Barrier(writers + 1)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            start.wait()
            for j in range(per_writer):
                numbering.register_entry(office, register, by=by, subject=f"ทดสอบความเร็ว {i}-{j}",
                                         recipient="สพฐ.")
        except BaseException as exc:  # noqa: BLE001 — reported after the run
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(i,), daemon=True) for i in range(writers)]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} of {writers} writers failed: {errors[0]!r}")
    _check_consecutive(office, register, last_id, writers * per_writer)
    return round(writers * per_writer / elapsed, 1)


def _check_consecutive(office, register: str, last_id: int, expected: int) -> None:
    numbers = sorted(RegisterEntry.objects.filter(office=office, register=register, pk__gt=last_id)
                     .values_list("number", flat=True))
    if not numbers or numbers != list(range(numbers[0], numbers[0] + expected)):
        raise RuntimeError(f"numbering under contention went wrong: {len(numbers)} entries, numbers {numbers[:10]}…")
