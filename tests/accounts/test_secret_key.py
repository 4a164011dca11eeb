"""The signing key: never a built-in one because of PRASAN_DEBUG; no key, no start; `prasan secret-key`
writes one once and never replaces it."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_KEY = "import django; from django.conf import settings; django.setup(); print(settings.SECRET_KEY)"


def run(args, data_dir, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRASAN_")}
    clean.update({"PRASAN_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "prasan.settings", **env})
    return subprocess.run(args, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120)


def test_debug_without_a_key_refuses_to_start(tmp_path):
    result = run([sys.executable, "-c", PRINT_KEY], tmp_path, PRASAN_DEBUG="1")
    assert result.returncode != 0
    assert "ไม่มีกุญแจลับ" in result.stderr and "prasan secret-key" in result.stderr


def test_the_prasan_command_says_so_in_thai_without_a_traceback(tmp_path):
    result = run([str(ROOT / ".venv" / "bin" / "prasan"), "check"], tmp_path, PRASAN_DEBUG="1")
    assert result.returncode == 1
    assert "ไม่มีกุญแจลับ" in result.stderr and "Traceback" not in result.stderr


def test_secret_key_writes_a_private_key_once_and_debug_does_not_change_it(tmp_path):
    prasan = str(ROOT / ".venv" / "bin" / "prasan")
    first = run([prasan, "secret-key"], tmp_path)
    assert first.returncode == 0 and "สร้างกุญแจลับใหม่" in first.stdout
    key_file = tmp_path / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50 and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = run([prasan, "secret-key"], tmp_path)
    assert "มีกุญแจลับอยู่แล้ว" in again.stdout and key_file.read_text() == key
    plain = run([sys.executable, "-c", PRINT_KEY], tmp_path).stdout.strip()
    debug = run([sys.executable, "-c", PRINT_KEY], tmp_path, PRASAN_DEBUG="1").stdout.strip()
    assert plain == debug == key


def test_the_environment_key_wins_and_debug_does_not_change_it(tmp_path):
    out = run([sys.executable, "-c", PRINT_KEY], tmp_path, PRASAN_DEBUG="1", PRASAN_SECRET_KEY="k" * 60)
    assert out.stdout.strip() == "k" * 60
