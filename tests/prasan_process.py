"""A `prasan` command for a test, run as production runs it (cron's `prasan tick`): the real command line in its
own process, pointed at the test's database and media folder.

    PRASAN_TEST_OVERRIDES='{"NAME": "...", "MEDIA_ROOT": "..."}' python tests/prasan_process.py tick

`run_prasan(settings, "tick", env={...})` in a test does it and returns the command's finished process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_prasan(settings, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    from django.db import connection

    overrides = {"NAME": str(connection.settings_dict["NAME"]), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    full_env = {**os.environ, "PRASAN_TESTING": "1", "PRASAN_BACKUP_AT": "",
                "PRASAN_TEST_OVERRIDES": json.dumps(overrides), **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "tests" / "prasan_process.py"), *args], cwd=ROOT,
                          env=full_env, capture_output=True, text=True, timeout=timeout, check=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")

    from django.conf import settings

    given = json.loads(os.environ["PRASAN_TEST_OVERRIDES"])
    settings.DATABASES["default"]["NAME"] = given["NAME"]
    settings.MEDIA_ROOT = given["MEDIA_ROOT"]

    from prasan.cli import main

    main(["prasan", *sys.argv[1:]])
