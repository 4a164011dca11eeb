"""`prasan worker` for a test: the real command, pointed at the test's database and media folder.

    PRASAN_TEST_OVERRIDES='{"NAME": "...", "MEDIA_ROOT": "..."}' python tests/worker_process.py
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")

from django.conf import settings  # noqa: E402

overrides = json.loads(os.environ["PRASAN_TEST_OVERRIDES"])
settings.DATABASES["default"]["NAME"] = overrides["NAME"]
settings.MEDIA_ROOT = overrides["MEDIA_ROOT"]
settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

from prasan.cli import main  # noqa: E402

main(["prasan", "worker", "--interval", "0.2", "--no-startup-delay", "-v", "2"])
