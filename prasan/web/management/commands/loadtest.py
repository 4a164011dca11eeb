"""prasan loadtest [--users 50] [--minutes 5] [--size N] [--json FILE] — people at work over HTTP, measured.

Like `prasan bench` it runs on the bench database (PRASAN_BENCH_DATA_DIR or PRASAN_BENCH_DATABASE_URL),
never the office's: it starts gunicorn there on a free local port, runs bench/load/locustfile.py headless
against it, stops the server and prints requests per second, p50, p95 and the slowest answer by page.
"""

import json
import os
import platform
import time
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from prasan.accounts.models import User
from prasan.demo.data import DEMO_PASSWORD, USERS
from prasan.directory.models import Office
from prasan.matters.models import Matter

# The demo accounts of the roles the locustfile plays; they get the demo password it logs in with.
ACCOUNTS = [username for username, _, _, role, *_ in USERS if role in ("coordinator", "group_head", "head", "registrar")]
TARGET_P95_MS = 300
# On 2 cores, 50 people: gthread let short requests pass slow ones (p50 3-4x lower than sync workers at
# the same throughput), and 3 workers x 4 threads kept both cores busy best of 2x4, 3x4 and 4x2.
WORKERS, THREADS = 3, 4


class Command(BaseCommand):
    help = "ทดสอบรับโหลดผ่าน HTTP: ผู้ใช้พร้อมกันหลายคนเปิดดู ค้นหา และบันทึกงาน บนฐานข้อมูลทดสอบ"

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50, help="จำนวนผู้ใช้พร้อมกัน")
        parser.add_argument("--minutes", type=float, default=5, help="ระยะเวลาทดสอบ (นาที)")
        parser.add_argument("--size", type=int, default=20000, help="จำนวนเรื่องขั้นต่ำที่ต้องมีในฐานข้อมูล")
        parser.add_argument("--spawn-rate", type=float, default=10, help="เพิ่มผู้ใช้กี่คนต่อวินาทีช่วงเริ่ม")
        parser.add_argument("--workers", type=int, default=WORKERS, help="จำนวน worker ของ gunicorn")
        parser.add_argument("--threads", type=int, default=THREADS, help="thread ต่อ worker (1 = sync)")
        parser.add_argument("--think", type=float, default=1.0,
                            help="ตัวคูณเวลาอ่านหน้าจอระหว่างคำขอ (1 = คนทำงานจริง, น้อยกว่า = เร่งโหลด)")
        parser.add_argument("--json", help="เขียนผลเป็น JSON ลงไฟล์นี้")

    def handle(self, *args, **opts):
        from bench.load.run import Server, all_logged_in, read_samples, run_locust, summarize

        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        have = Matter.objects.count()
        if have < opts["size"]:
            raise CommandError(f"ฐานข้อมูลทดสอบมี {have:,} เรื่อง น้อยกว่า {opts['size']:,} เรื่องที่ต้องการ "
                               f"— สร้างข้อมูลก่อนด้วย `prasan bench --size {opts['size']}` (หรือ `make bench`)")
        self._set_passwords()
        out = settings.DATA_DIR / "loadtest" / time.strftime("%Y%m%d-%H%M%S")
        out.mkdir(parents=True, exist_ok=True)
        seconds = round(opts["minutes"] * 60)
        meta = {"matters": have, "database": connection.vendor, "users": opts["users"], "seconds": seconds,
                "think": opts["think"], "python": platform.python_version(), "cpus": os.cpu_count()}
        connection.close()  # the server's workers use the database from here on

        from bench.load.pgwatch import Watch

        server = Server(opts["workers"], opts["threads"])
        self.stdout.write(f"เริ่ม gunicorn {server.workers} worker × {server.threads} thread "
                          f"({server.worker_class}) ที่ {server.url} …")
        log = out / "gunicorn.log"
        server.start(log)
        cpu_before, load_before = server.cpu_seconds(), os.getloadavg()[0]
        watch = Watch(connection).start()  # PostgreSQL's CPU, connections and lock waits beside gunicorn's
        try:
            self.stdout.write(f"ผู้ใช้ {opts['users']} คน นาน {seconds // 60}:{seconds % 60:02d} นาที "
                              f"บน {meta['database']} {have:,} เรื่อง (ผลดิบที่ {out})")
            code = run_locust(server.url, users=opts["users"], seconds=seconds, out=out,
                              spawn_rate=opts["spawn_rate"], think=opts["think"],
                              progress=self._progress(seconds))
            meta["server_cpu_s"] = round(server.cpu_seconds() - cpu_before, 1)
            meta["load_average"] = round(max(load_before, os.getloadavg()[0]), 1)
        finally:
            watch.stop()
            server.stop()
        meta["database_watch"] = watch.summary()
        self.stdout.write("")
        samples = read_samples(out)
        if not samples:
            raise CommandError(f"locust ไม่ได้ส่งคำขอเลย (รหัส {code}) ดู {out}/locust.log")
        result = summarize(samples)
        # Everyone logging in within seconds is the morning's rush squeezed together (Argon2 costs
        # ~0.2 s of CPU each); what follows is the working day, shown on its own line.
        settled = all_logged_in(samples, opts["users"])
        steady = summarize([s for s in samples if s.at > settled]) if settled else None
        meta["server"] = server.describe()
        troubles = server.troubles(log)
        self._table(meta, result, steady, settled and settled - min(s.at for s in samples), troubles)
        if opts["json"]:
            Path(opts["json"]).parent.mkdir(parents=True, exist_ok=True)
            with open(opts["json"], "w") as handle:
                json.dump({"meta": meta, **result.as_dict(), "after_logins": steady and steady.as_dict(),
                           "server_troubles": troubles, "target": self._target(result, troubles)},
                          handle, ensure_ascii=False, indent=2)

    def _set_passwords(self):
        found = list(User.objects.filter(username__in=ACCOUNTS, is_active=True))
        if len(found) < len(ACCOUNTS):
            missing = ", ".join(sorted(set(ACCOUNTS) - {u.username for u in found}))
            raise CommandError(f"ไม่มีผู้ใช้ตัวอย่าง {missing} ในฐานข้อมูลทดสอบ — สร้างด้วย `prasan bench` ก่อน")
        # The bench office is the demo's: people sign in with the password alone, as in `make run`.
        Office.objects.filter(two_factor_required=True).update(two_factor_required=False)
        for user in found:
            if not user.check_password(DEMO_PASSWORD):
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])

    def _progress(self, seconds):
        started = time.monotonic()
        shown = [0.0]

        def show(row):
            elapsed = time.monotonic() - started
            if elapsed - shown[0] < 5:
                return
            shown[0] = elapsed
            e = int(min(elapsed, seconds))
            self.stdout.write(
                f"  {e // 60}:{e % 60:02d}/{seconds // 60}:{seconds % 60:02d}  ผู้ใช้ {row['User Count']:>3}  "
                f"{float(row['Requests/s']):6.1f} คำขอ/วินาที  p95 {row['95%']:>5} ms  "
                f"คำขอ {int(row['Total Request Count']):,}  ผิดพลาด {row['Total Failure Count']}")

        return show

    @staticmethod
    def _line(method, label, r, floor=None) -> str:
        cpu = "" if r.cpu_ms is None else f"{r.cpu_ms:.1f}"
        times = f"{r.p95_ms / floor.p95_ms:.1f}" if floor and floor.p95_ms else ""
        cpu_times = f"{r.cpu_ms / floor.cpu_ms:.1f}" if floor and floor.cpu_ms and r.cpu_ms is not None else ""
        return (f"{method:<6}{label}{r.requests:>8,}{r.failures:>8,}{r.rps:>10.1f}"
                f"{r.p50_ms:>8.0f}{r.p95_ms:>8.0f}{r.max_ms:>10,.0f}{cpu:>8}{times:>8}{cpu_times:>8}")

    def _target(self, result, troubles) -> dict:
        met = result.errors == 0 and not troubles and result.total.p95_ms <= TARGET_P95_MS
        return {"p95_ms_at_most": TARGET_P95_MS, "errors": 0, "met": met}

    def _table(self, meta, result, steady, settled_s, troubles):
        w = self.stdout.write
        w(f"ฐานข้อมูล {meta['database']} · {meta['matters']:,} เรื่อง · ผู้ใช้ {meta['users']} คน · "
          f"{meta['seconds']} วินาที · gunicorn {meta['server']['workers']}×{meta['server']['threads']} "
          f"({meta['server']['worker_class']}) · {meta['cpus']} cores")
        w(" " * 48 + "".join(_right(h, n) for h, n in (("คำขอ", 8), ("ผิดพลาด", 8), ("ต่อวินาที", 10),
                                                       ("p50 ms", 8), ("p95 ms", 8), ("สูงสุด ms", 10),
                                                       ("CPU ms", 8), ("×p95", 8), ("×CPU", 8))))
        floor = floor_of(result)
        for r in [*result.rows, result.total]:
            label = _left("รวม", 42) if r is result.total else f"{r.name:<42}"
            w(self._line(r.method, label, r, floor))
        if steady is not None:
            w(self._line("", _left(f"หลังทุกคนเข้าสู่ระบบ (วินาทีที่ {settled_s:.0f} เป็นต้นไป)", 42), steady.total))
        for f in result.failures:
            w(self.style.ERROR(f"ผิดพลาด {f['occurrences']:,} ครั้ง: {f['method']} {f['name']} — {f['error']}"))
        for line in troubles:
            w(self.style.ERROR(f"gunicorn: {line}"))
        if floor is not None:
            w(f"×p95 และ ×CPU: เท่าของหน้าพื้นฐาน {FLOOR_PAGE} (หน้าที่เข้าสู่ระบบแล้วและไม่มีเนื้อหา) ที่วัดในรอบเดียวกัน "
              "— ตัวเลขที่เทียบกันได้ข้ามเครื่อง; CPU ms คือ CPU ของเซิร์ฟเวอร์ต่อคำขอ (เฉลี่ย จาก Server-Timing)")
        if "server_cpu_s" in meta:
            cpu, cores = meta["server_cpu_s"], meta["cpus"] or 1
            w(f"gunicorn ใช้ CPU {cpu:,.1f} วินาที ({cpu / meta['seconds'] / cores:.0%} ของ {cores} cores) "
              f"เฉลี่ย {1000 * cpu / max(result.total.requests, 1):,.1f} ms ต่อคำขอ")
            if (db := meta.get("database_watch")) and db["cpu_s"] is not None:
                w(f"PostgreSQL ใช้ CPU {db['cpu_s']:,.1f} วินาที ({db['cpu_s'] / meta['seconds'] / cores:.0%} ของ {cores} cores) "
                  f"เฉลี่ย {1000 * db['cpu_s'] / max(result.total.requests, 1):,.1f} ms ต่อคำขอ")
            if db := meta.get("database_watch"):
                w(f"การเชื่อมต่อฐานข้อมูลสูงสุด {db['connections_max']} ทำงานพร้อมกันเฉลี่ย {db['active_mean']} "
                  f"(สูงสุด {db['active_max']}) · รอ lock {db['waiting_lock_share']:.0%} ของเวลา "
                  f"(สูงสุด {db['waiting_lock_max']} การเชื่อมต่อ) · รอ LWLock {db['waiting_lwlock_share']:.0%} "
                  f"· รอ IO {db['waiting_io_share']:.0%}")
            if meta["load_average"] > cores:
                w(self.style.WARNING(f"load average ระหว่างวัด {meta['load_average']} เกินจำนวน cores: เครื่องมีงานอื่น "
                                     "เวลาตอบที่วัดได้จึงสูงกว่าจริง (ดู CPU ต่อคำขอแทน)"))
        target = self._target(result, troubles)
        verdict = "ผ่าน" if target["met"] else "ไม่ผ่าน"
        line = (f"เป้าหมาย: ไม่มีข้อผิดพลาดและ p95 ≤ {TARGET_P95_MS} ms — {verdict} "
                f"(ผิดพลาด {result.errors:,} ครั้ง, p95 {result.total.p95_ms:.0f} ms"
                + (f", worker ของ gunicorn ล้ม {len(troubles)} ครั้ง)" if troubles else ")"))
        w(self.style.SUCCESS(line) if target["met"] else self.style.WARNING(line))


FLOOR_PAGE = "/signed-in/"


def floor_of(result):
    """The floor page's row of this run, if it was asked for."""
    return next((r for r in result.rows if r.method == "GET" and r.name == FLOOR_PAGE), None)


def _right(text: str, width: int) -> str:
    """Right-aligned as the terminal shows it: Thai vowel and tone marks take no column of their own."""
    return " " * max(width - _columns(text), 0) + text


def _left(text: str, width: int) -> str:
    return text + " " * max(width - _columns(text), 0)


def _columns(text: str) -> int:
    return sum(1 for c in text if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
