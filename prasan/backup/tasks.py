"""The nightly backup as a background task (also `prasan backup --nightly` from cron)."""

from pathlib import Path

from django.conf import settings
from django_tasks import task

from .archive import nightly


@task()
def nightly_backup() -> dict:
    written, removed = nightly(Path(settings.BACKUP_DIR), settings.BACKUP_KEEP)
    return {"written": str(written or ""), "removed": [p.name for p in removed]}
