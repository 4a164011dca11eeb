"""prasan bench [--size N] [--json FILE] — generate synthetic data, then time pages and services.

`prasan` runs this against its own database under var/bench (or PRASAN_BENCH_DATABASE_URL), never the office's.
"""

import json
import platform

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from prasan.accounts.models import User
from prasan.demo.build import load
from prasan.directory.models import Agency
from prasan.matters.models import Matter
from prasan.search import schema
from prasan.search.models import SearchEntry


class Command(BaseCommand):
    help = "วัดความเร็วของระบบด้วยข้อมูลจำลอง"

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=20000, help="จำนวนเรื่องที่ต้องการในฐานข้อมูล")
        parser.add_argument("--reps", type=int, default=40)
        parser.add_argument("--json", help="เขียนผลเป็น JSON ลงไฟล์นี้")
        parser.add_argument("--seed", type=int, default=1, help="ค่าตั้งต้นของข้อมูลจำลอง (ค่าเดียวกันได้ข้อมูลเดียวกัน)")

    def handle(self, *args, **opts):
        from bench.generate import generate
        from bench.numbering import concurrent_per_s
        from bench.scenarios import run

        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        demo = load(matter_count=50)
        users = {u.username: u for u in User.objects.all()}
        office = demo["office"]
        have = Matter.objects.count()
        if have < opts["size"] or SearchEntry.objects.filter(kind="matter").count() < have:
            # Adds the difference and rebuilds the search index over every row (with nothing to add: the index).
            counts = generate(office, list(office.units.all()), list(User.objects.all()), list(Agency.objects.all()),
                              max(opts["size"] - have, 0), seed=opts["seed"])
            self.stdout.write(f"สร้างข้อมูล {counts['matter']:,} เรื่อง ดัชนีค้นหา {counts['search']:,} รายการ "
                              f"ใช้เวลา {counts['seconds']['total']:,.1f} วินาที")
            with connection.cursor() as cursor:
                # The planner's statistics, and on PostgreSQL the visibility map that index-only scans need:
                # what an office's database has from its autovacuum.
                cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        if connection.vendor == "postgresql":
            from bench.generate_pg import build_deferred

            build_deferred(connection)  # a no-op, unless a run stopped before its indexes were built
            schema.create(connection)
        from bench import list_filters, policy
        from bench.scenarios import with_multiples

        policy.fill(max(20, Matter.objects.count() // 500))  # issue #17: a policy on one matter in 500
        results = run(users, reps=opts["reps"])
        results.update(policy.scenarios(users, reps=opts["reps"]))
        results.update(list_filters.run(users, reps=opts["reps"] // 2))  # issue #20's slow pages
        with_multiples(results)
        results["numbering_concurrent_per_s"] = concurrent_per_s(office, users["registrar"], writers=8)
        meta = {"matters": Matter.objects.count(), "database": connection.vendor, "python": platform.python_version(),
                "machine": platform.machine(), "cpus": __import__("os").cpu_count()}
        self._table(meta, results)
        if opts["json"]:
            with open(opts["json"], "w") as handle:
                json.dump({"meta": meta, "results": results}, handle, ensure_ascii=False, indent=2)

    def _table(self, meta, results):
        self.stdout.write(f"\nฐานข้อมูล {meta['database']} · {meta['matters']:,} เรื่อง · {meta['cpus']} cores")
        self.stdout.write(f"{'scenario':<30}{'p50 ms':>10}{'p95 ms':>10}{'× floor':>10}{'goal':>8}")
        for name, value in results.items():
            if isinstance(value, dict) and "p50_ms" in value:
                times = f"{value['times_floor']:.1f}" if "times_floor" in value else ""
                goal = value.get("goal_times_floor")
                verdict = "" if goal is None else f"≤{goal} {'ok' if value['times_floor'] <= goal else 'OVER'}"
                self.stdout.write(f"{name:<30}{value['p50_ms']:>10}{value['p95_ms']:>10}{times:>10}{verdict:>10}")
            elif isinstance(value, dict):
                continue  # details (per query) are in the JSON
            elif name.endswith("_per_s"):
                self.stdout.write(f"{name:<30}{value:>10} /s")
            else:
                self.stdout.write(f"{name:<30}{value:>10} ×")
