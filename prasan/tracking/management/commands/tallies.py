"""prasan tallies [--rebuild] — check the dashboards' counters against a fresh count of the matters, print every
cell where they differ; --rebuild replaces them by the fresh count (and checks again)."""

import time

from django.core.management.base import BaseCommand, CommandError

from prasan.tracking import tallies


class Command(BaseCommand):
    help = "ตรวจตัวนับของหน้าภาพรวมเทียบกับการนับเรื่องใหม่ทั้งหมด (--rebuild: นับใหม่แทนที่)"

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="นับใหม่ทั้งหมดแล้วแทนที่ตัวนับเดิม")

    def handle(self, *args, **opts):
        if opts["rebuild"]:
            started = time.perf_counter()
            cells = tallies.rebuild()
            self.stdout.write(f"นับใหม่แล้ว {cells:,} ช่อง ใช้เวลา {time.perf_counter() - started:,.1f} วินาที")
        differences = tallies.differences()
        for (kind, day, unit, secrecy, state, duty_type, urgency), (kept, fresh) in sorted(differences.items()):
            where = " ".join(str(part) for part in (kind, day, f"unit={unit}", f"secrecy={secrecy}", state, duty_type,
                                                     urgency) if part != "")
            self.stdout.write(f"{where}: ตัวนับ {kept:,} นับจริง {fresh:,}")
        if differences:
            raise CommandError(f"ตัวนับไม่ตรงกับการนับจริง {len(differences):,} ช่อง (แก้ได้ด้วย prasan tallies --rebuild)")
        self.stdout.write("ตัวนับตรงกับการนับจริงทุกช่อง")
