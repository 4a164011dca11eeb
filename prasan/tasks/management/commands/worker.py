"""`prasan worker`: django-tasks' database worker, holding a lease and requeueing what dead workers held."""

import threading

from django.db import OperationalError, close_old_connections, connection
from django_tasks_db.management.commands import db_worker

from prasan.tasks import leases


class LeasedWorker(db_worker.Worker):
    def run(self) -> None:
        leases.take(self.worker_id)
        leases.requeue_abandoned()
        stop = threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(stop,), name="lease", daemon=True)
        beat.start()
        try:
            super().run()
        finally:
            stop.set()
            beat.join(timeout=5)
            leases.release(self.worker_id)

    def _heartbeat(self, stop: threading.Event) -> None:
        """Renew the lease a few times per lease period; look for dead workers' tasks at each renewal."""
        from django.conf import settings

        every = max(1.0, settings.WORKER_LEASE_SECONDS / 3)
        try:
            while not stop.wait(every):
                try:
                    close_old_connections()
                    leases.renew(self.worker_id)
                    leases.requeue_abandoned()
                except OperationalError:  # SQLite busy with the task's own writes: try at the next beat
                    pass
        finally:
            connection.close()


class Command(db_worker.Command):
    help = "ประมวลผลงานเบื้องหลัง (อ่านหนังสือ/OCR, ส่งอีเมล/LINE, เตือนกำหนด) และรับงานค้างของตัวประมวลผลที่หยุดไปกลับมาทำ"

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options):
        self.configure_logging(verbosity)
        excluded = exclude_queues.split(",") if exclude_queues else []
        worker = LeasedWorker(queue_names=queue_name.split(","), interval=interval, batch=batch,
                              backend_name=backend_name, startup_delay=startup_delay, max_tasks=max_tasks,
                              worker_id=worker_id, excluded_queue_names=excluded)
        # No --reload: a reload would drop the lease's thread with the old code (and tasks mid-way).
        worker.configure_signals()
        worker.run()
