"""What PostgreSQL does while the load test runs: its CPU, its connections and what they wait for.

Sampled once a second from pg_stat_activity on a connection of its own, so `prasan loadtest` can say which part
saturates first — gunicorn's CPU, the database's CPU, the connections, or locks.
"""

import threading
import time

from django.db.backends.base.base import BaseDatabaseWrapper

from bench.generate_pg import ClusterClock

SAMPLE = """SELECT count(*) FILTER (WHERE backend_type = 'client backend'),
                  count(*) FILTER (WHERE state = 'active' AND backend_type = 'client backend'),
                  count(*) FILTER (WHERE wait_event_type = 'Lock'),
                  count(*) FILTER (WHERE wait_event_type = 'LWLock'),
                  count(*) FILTER (WHERE wait_event_type = 'IO')
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"""


class Watch:
    """Start it before the run and stop it after; `summary()` is None on SQLite."""

    def __init__(self, connection: BaseDatabaseWrapper, interval: float = 1.0):
        self.connection, self.interval = connection, interval
        self.samples: list[tuple[int, int, int, int, int]] = []
        self.clock = self.raw = self.thread = None
        self.cpu: float | None = None
        self.stopping = threading.Event()

    def start(self) -> "Watch":
        if self.connection.vendor != "postgresql":
            return self
        self.clock = ClusterClock(self.connection)
        self.started = self.clock.seconds()
        self.raw = self.connection.get_new_connection(self.connection.get_connection_params())
        self.raw.autocommit = True
        self.thread = threading.Thread(target=self._run, name="pg-watch", daemon=True)
        self.thread.start()
        return self

    def _run(self) -> None:
        while not self.stopping.wait(self.interval):
            try:
                with self.raw.cursor() as cursor:
                    cursor.execute(SAMPLE)
                    self.samples.append(tuple(cursor.fetchone()))
            except Exception:  # noqa: BLE001  (the run goes on without this sample)
                time.sleep(self.interval)

    def stop(self) -> None:
        if self.thread is None:
            return
        self.stopping.set()
        self.thread.join()
        ended = self.clock.seconds()
        self.cpu = None if ended is None or self.started is None else round(ended - self.started, 1)
        self.raw.close()

    def summary(self) -> dict | None:
        if self.thread is None or not self.samples:
            return None
        n = len(self.samples)
        column = list(zip(*self.samples, strict=True))
        return {"cpu_s": self.cpu, "samples": n, "connections_max": max(column[0]),
                "active_mean": round(sum(column[1]) / n, 1), "active_max": max(column[1]),
                "waiting_lock_share": round(sum(1 for v in column[2] if v) / n, 3), "waiting_lock_max": max(column[2]),
                "waiting_lwlock_share": round(sum(1 for v in column[3] if v) / n, 3),
                "waiting_io_share": round(sum(1 for v in column[4] if v) / n, 3)}
