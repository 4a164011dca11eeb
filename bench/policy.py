"""Policies in the bench (issue #17): one policy with 50 agencies × 12 monthly reports, whose roll-up page must
answer within 200 ms p95, and a policy on a share of the generated policy follow-up matters (3–8 agencies each,
12 months of reports, some late, some missing) for the policy list at the bench's size.

`prasan bench` adds them to its database (fill); alone, on a database of its own (PRASAN_BENCH_DATA_DIR, default
var/bench-policy; or PRASAN_BENCH_DATABASE_URL), filled once with what it lacks:

    .venv/bin/python -m bench.policy [--matters 5000] [--policies 200] [--reps 40] [--json FILE]
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import time
from decimal import Decimal

BIG_TITLE = "นโยบายจำลอง 50 หน่วยงาน × 12 เดือน"
AGENCIES = 50
MONTHS = 12


def setup() -> None:
    os.environ["PRASAN_DATA_DIR"] = os.environ.get("PRASAN_BENCH_DATA_DIR", "var/bench-policy")
    os.environ.pop("PRASAN_DATABASE_URL", None)
    if os.environ.get("PRASAN_BENCH_DATABASE_URL"):
        os.environ["PRASAN_DATABASE_URL"] = os.environ["PRASAN_BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    from prasan.secret_key import ensure_key_file

    ensure_key_file()
    import django

    django.setup()


def _agencies(wanted: int) -> list:
    from prasan.directory.models import Agency, Contact

    have = list(Agency.objects.filter(active=True).order_by("pk"))
    for n in range(len(have), wanted):
        agency = Agency.objects.create(name=f"หน่วยงานจำลองที่ {n + 1}", abbreviation=f"จล.{n + 1}",
                                       email=f"saraban@bench{n + 1}.example")
        Contact.objects.create(agency=agency, name=f"ผู้ประสานงาน {n + 1}", email=f"liaison@bench{n + 1}.example",
                               is_liaison=True)
        have.append(agency)
    return have


def _first_of_month(months_back: int, today: dt.date) -> dt.date:
    day = today.replace(day=1)
    for _ in range(months_back):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def _reports(dues, indicators, rng, today) -> tuple[list, list]:
    """A report for most past dues (a few late, a few missing), values rising towards the targets."""
    from django.utils import timezone

    from prasan.policy.models import IndicatorValue, ProgressReport

    reports, values = [], []
    for n, due in enumerate(dues):
        if due.due_on >= today or rng.random() < 0.08:
            continue
        late = rng.random() < 0.15
        day = due.due_on + dt.timedelta(days=rng.randint(1, 12) if late else -rng.randint(0, 3))
        at = timezone.make_aware(dt.datetime.combine(min(day, today), dt.time(10, 0)))
        share = Decimal(n + 1) / Decimal(len(dues))
        report = ProgressReport(due=due, commitment_id=due.commitment_id, late=late, submitted_at=at,
                                progress=(share * 100 * Decimal(rng.uniform(0.7, 1.1))).quantize(Decimal("0.1"))
                                .min(Decimal(100)), narrative=f"ผลการดำเนินงานงวด {due.label}",
                                reporter_name="ผู้ประสานงาน")
        reports.append(report)
        values += [IndicatorValue(report=report, indicator=i,
                                  value=(i.baseline + (i.target - i.baseline) * share).quantize(Decimal("0.01")))
                   for i in indicators]
    return reports, values


def _policy(matter, agencies, by, rng, today, *, title="") -> int:
    """A policy on `matter` (made here if None) with these agencies reporting monthly for 12 months."""
    from prasan.policy import schedule, services
    from prasan.policy.models import (
        Commitment,
        Indicator,
        IndicatorValue,
        Policy,
        ProgressReport,
        ReportDue,
    )

    start = _first_of_month(MONTHS, today)
    end = _first_of_month(0, today) - dt.timedelta(days=1)
    if matter is None:
        from prasan.directory.models import Office

        policy = services.create_policy(by=by, office=Office.current(), title=title,
                                        starts_on=start, ends_on=end, open_reports=False,
                                        matter_fields={"owner_unit": by.unit})
    else:
        policy = Policy.objects.create(matter=matter, starts_on=start, ends_on=end, created_by=by)
    indicators = Indicator.objects.bulk_create([
        Indicator(policy=policy, name="โรงเรียนที่ดำเนินการแล้ว", unit="ร้อยละ", baseline=0, target=80, order=0),
        Indicator(policy=policy, name="ครูที่ได้รับการพัฒนา", unit="คน", baseline=0, target=rng.randint(500, 5000),
                  order=1)])
    slots = schedule.slots("monthly", start, end)
    commitments = Commitment.objects.bulk_create([
        Commitment(policy=policy, agency=agency, role="lead" if n == 0 else "support", starts_on=start, ends_on=end)
        for n, agency in enumerate(agencies)])
    dues = ReportDue.objects.bulk_create([
        ReportDue(commitment=c, seq=s.seq, label=s.label, period_start=s.start, period_end=s.end, due_on=s.due,
                  opens_on=s.opens) for c in commitments for s in slots])
    by_commitment = {}
    for due in dues:
        by_commitment.setdefault(due.commitment_id, []).append(due)
    reports, values = [], []
    for group in by_commitment.values():
        more, vals = _reports(group, indicators, rng, today)
        reports += more
        values += vals
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    IndicatorValue.objects.bulk_create(values, batch_size=5000)
    return policy.pk


def fill(policies: int = 200, seed: int = 17) -> dict:
    """The big policy and up to `policies` more on the bench's policy follow-up matters, once."""
    from django.db import transaction
    from django.utils import timezone

    from prasan.accounts.models import User
    from prasan.matters.choices import DutyType
    from prasan.matters.models import Matter
    from prasan.policy.models import Policy

    started = time.perf_counter()
    rng = random.Random(seed)
    today = timezone.localdate()
    head = User.objects.filter(role="head").order_by("pk").first()
    agencies = _agencies(AGENCIES)
    with transaction.atomic():
        big = Policy.objects.filter(matter__title=BIG_TITLE).values_list("pk", flat=True).first()
        if big is None:
            big = _policy(None, agencies[:AGENCIES], head, rng, today, title=BIG_TITLE)
        have = Policy.objects.count() - 1
        free = (Matter.objects.filter(duty_type=DutyType.POLICY_FOLLOWUP, policy__isnull=True)
                .order_by("-pk")[:max(policies - have, 0)])
        for matter in free:
            _policy(matter, rng.sample(agencies, rng.randint(3, 8)), head, rng, today)
    return {"big_policy": big, "policies": Policy.objects.count(), "seconds": round(time.perf_counter() - started, 1)}


def scenarios(users: dict, reps: int = 40, seed: int = 7) -> dict:
    """The big policy's roll-up (head, minister) and the policy list (head, and a coordinator whose list depends
    on need to know), as pages through the whole middleware."""
    from django.test import Client

    from bench.scenarios import time_get
    from prasan.policy.models import Policy

    rng = random.Random(seed)
    big = Policy.objects.get(matter__title=BIG_TITLE).pk
    clients = {}
    for name in ("head", "minister", "coordinator"):
        clients[name] = Client()
        clients[name].force_login(users[name])
    pages = max(1, Policy.objects.count() // 20)
    return {
        "policy_rollup_50x12": time_get(clients["head"], [f"/policies/{big}/"] * reps),
        "policy_rollup_50x12_minister": time_get(clients["minister"], [f"/policies/{big}/"] * (reps // 2)),
        "policy_list": time_get(clients["head"], [f"/policies/?page={rng.randint(1, min(pages, 40))}"
                                                  for _ in range(reps)]),
        "policy_list_coordinator": time_get(clients["coordinator"], ["/policies/"] * (reps // 2)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matters", type=int, default=5000)
    parser.add_argument("--policies", type=int, default=200)
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--json")
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    from prasan.accounts.models import User
    from prasan.demo.build import load
    from prasan.directory.models import Agency
    from prasan.matters.models import Matter

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    demo = load(matter_count=50)
    office = demo["office"]
    have = Matter.objects.count()
    if have < args.matters:
        from bench.generate import generate

        generate(office, list(office.units.all()), list(User.objects.all()), list(Agency.objects.all()),
                 args.matters - have)
    filled = fill(args.policies)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    users = {u.username: u for u in User.objects.all()}
    results = scenarios(users, reps=args.reps)
    meta = {"matters": Matter.objects.count(), **filled, "database": connection.vendor,
            "python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()}
    print(json.dumps({"meta": meta, "results": results}, ensure_ascii=False, indent=2))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"meta": meta, "results": results}, handle, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
