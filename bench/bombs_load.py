"""Does reading hostile uploads slow the pages down? (issue 14: "web p95 unaffected while they are processed")

    .venv/bin/python -m bench.bombs_load [--requests 150] [--rounds 3]

A throwaway office (`prasan migrate`, `collectstatic` and `demo` in a temporary data dir), gunicorn as `make run` serves
it, and one `prasan worker`. A signed-in coordinator's งานของฉัน is fetched `--requests` times one after another
while the worker is idle, then again while it reads the probe's five bombs `--rounds` times over (each in its
sandboxed child). The page's p50/p95 in both runs, and what became of every bomb, are printed.
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRASAN = [sys.executable, "-m", "prasan.cli"]


def _env(data: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRASAN_")}
    return env | {"PRASAN_DATA_DIR": str(data), "PRASAN_SECRET_KEY": "bench-" + "k" * 50,
                  "DJANGO_SETTINGS_MODULE": "prasan.settings"}


def _opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _sign_in(opener, url: str, username: str, password: str) -> None:
    page = opener.open(f"{url}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    request = urllib.request.Request(f"{url}/login/", data=body.encode(), headers={"Referer": f"{url}/login/"})
    landed = opener.open(request).geturl()
    if "/login/" in landed:
        raise SystemExit("เข้าระบบไม่สำเร็จ")


def _timings(opener, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        opener.open(f"{url}/my-work/").read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered):.0f} ms · p95 {p95:.0f} ms · สูงสุด {ordered[-1]:.0f} ms ({len(times)} ครั้ง)"


def _queue_bombs(env: dict, rounds: int) -> None:
    code = f"""
import django; django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from prasan.accounts.models import User
from prasan.correspondence import receiving
from tests.intake import bombs
registrar = User.objects.get(username="registrar")
files = [("huge.pdf", bombs.pdf_page(14_400, 14_400)), ("bomb.docx", bombs.zip_bomb()),
         ("paragraphs.docx", bombs.paragraph_bomb()), ("parts.docx", bombs.many_parts()),
         ("pixels.png", bombs.pixel_bomb_png())]
for n in range({rounds}):
    for name, data in files:
        with transaction.atomic():
            receiving.receive(SimpleUploadedFile(f"{{n}}-{{name}}", data + b" " * n), by=registrar)
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def _outcomes(env: dict) -> str:
    code = """
import django; django.setup()
from collections import Counter
from prasan.correspondence.models import LetterIntake
print(dict(Counter(LetterIntake.objects.values_list("status", flat=True))))
"""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def main() -> None:
    from bench.load.run import Server

    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        env = _env(data)
        print("เตรียมสำนักงานชั่วคราว (migrate, demo) …", flush=True)
        subprocess.run([*PRASAN, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([*PRASAN, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([*PRASAN, "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
        os.environ.update(env)
        server = Server(workers=2, threads=4).start(data / "gunicorn.log")
        worker = subprocess.Popen([*PRASAN, "worker", "--interval", "1"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            opener = _opener()
            from prasan.demo.data import DEMO_PASSWORD

            _sign_in(opener, server.url, "coordinator", DEMO_PASSWORD)
            _timings(opener, server.url, 10)  # warm
            quiet = _timings(opener, server.url, args.requests)
            print(f"งานของฉัน ขณะที่ worker ว่าง:          {_summary(quiet)}", flush=True)
            _queue_bombs(env, args.rounds)
            busy = _timings(opener, server.url, args.requests)
            print(f"งานของฉัน ขณะที่ worker อ่านไฟล์อันตราย: {_summary(busy)}", flush=True)
            print(f"ผลของไฟล์อันตราย {5 * args.rounds} ไฟล์ ณ ตอนจบ: {_outcomes(env)}")
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            server.stop()


if __name__ == "__main__":
    main()
