"""The nightly backup on the tracking clock: every `prasan tick` (cron, or `prasan tick --loop`) starts it
once a day after BACKUP_AT (Asia/Bangkok), so an office that schedules only the tick still keeps its copies.

`nightly` writes nothing when today's archive exists, and a lock keeps two ticks (cron overlapping a slow
run) from writing it twice. A failure is counted and logged, and the next tick tries again.
"""

import datetime as dt
import fcntl
import logging
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .archive import BackupError, nightly

log = logging.getLogger(__name__)


def backup_time() -> dt.time | None:
    """BACKUP_AT as a time of day, or None when the office schedules backups itself (empty setting)."""
    text = (settings.BACKUP_AT or "").strip()
    return dt.time.fromisoformat(text.replace(".", ":")) if text else None


def run_if_due(now: dt.datetime) -> Counter:
    at = backup_time()
    local = timezone.localtime(now)
    if at is None or local.time() < at:
        return Counter()
    try:
        return _nightly_once(Path(settings.BACKUP_DIR), now, local)
    except (BackupError, OSError) as exc:
        log.error("สำรองข้อมูลประจำคืนไม่สำเร็จ: %s", exc)
        return Counter(backup_failed=1)


def _nightly_once(folder: Path, now: dt.datetime, local: dt.datetime) -> Counter:
    folder.mkdir(parents=True, exist_ok=True)
    if list(folder.glob(f"prasan-{local:%Y%m%d}-*.tar.gz")):
        return Counter()  # today's copy is there: the common case, without taking the lock
    with open(folder / ".nightly.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return Counter()  # another tick is writing it now
        written, removed = nightly(folder, settings.BACKUP_KEEP, now)
    return Counter(backup_written=int(written is not None), backup_removed=len(removed))
