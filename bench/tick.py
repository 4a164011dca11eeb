"""`prasan tick` at scale: every due reminder and digest over N open matters, timed (target ≤ 30 s).

Fills the bench database (never the office's) up to N open matters with bench/generate.py, then
ticks twice at 08:00 of the next working day against a real local SMTP server and the LINE
stand-in: the first tick sends, the second must find everything sent and send nothing.

    PRASAN_BENCH_DATA_DIR=var/bench .venv/bin/python -m bench.tick --open 100000 [--json FILE]
"""

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time


def setup() -> None:
    os.environ["PRASAN_DATA_DIR"] = os.environ.get("PRASAN_BENCH_DATA_DIR", "var/bench")
    os.environ.pop("PRASAN_DATABASE_URL", None)
    if os.environ.get("PRASAN_BENCH_DATABASE_URL"):
        os.environ["PRASAN_DATABASE_URL"] = os.environ["PRASAN_BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    from prasan.secret_key import ensure_key_file

    ensure_key_file()  # the bench office's own key; it guards nothing real
    import django

    django.setup()


def fill(open_wanted: int) -> int:
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import generate
    from prasan.accounts.models import User
    from prasan.demo.build import load
    from prasan.directory.models import Agency
    from prasan.matters.choices import OPEN_STATES, State
    from prasan.matters.models import Matter

    call_command("migrate", verbosity=0, interactive=False)
    office = load(matter_count=50)["office"]
    have = Matter.objects.open().count()
    if have < open_wanted:
        # The generator's office closes most of its matters (as offices do); the tick is measured at its
        # worst, so as many of the newest closed matters as needed are made open again, overdue ones included.
        missing = open_wanted - have
        closed = Matter.objects.filter(state=State.CLOSED).count()
        if closed < missing:
            generate(office, list(office.units.all()), list(User.objects.all()), list(Agency.objects.all()),
                     missing - closed)
        reopen = list(Matter.objects.filter(state=State.CLOSED).order_by("-id").values_list("id", flat=True)[:missing])
        states = sorted(OPEN_STATES)
        for i, state in enumerate(states):
            for start in range(i * 1000, len(reopen), 1000 * len(states)):
                Matter.objects.filter(id__in=reopen[start:start + 1000]).update(state=state, closed_at=None)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    return Matter.objects.open().count()


def next_working_morning() -> dt.datetime:
    from django.utils import timezone

    from prasan.tracking.calendar import WorkingCalendar

    calendar, day = WorkingCalendar(), timezone.localdate()
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(8, 0)))


def timed_ticks(now: dt.datetime) -> dict:
    from django.conf import settings
    from django.db import connection

    from prasan.coordination.line_standin import LineStandin
    from prasan.tracking.models import DigestLog, Notification, ReminderLog
    from prasan.tracking.tasks import run_tick
    from tests.servers import SmtpServer

    smtp, line = SmtpServer().start(), LineStandin("bench-token").start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = smtp.host, smtp.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LINE_API_URL, settings.LINE_TOKEN = line.url, "bench-token"
    # A rerun on the same day would find everything sent already: start from an empty log.
    ReminderLog.objects.filter(created_at__date=now.date()).delete()
    DigestLog.objects.filter(date=now.date()).delete()
    Notification.objects.filter(kind=Notification.Kind.REMINDER, created_at=now).delete()
    try:
        results = {}
        for name in ("first_tick", "second_tick"):
            mails, pushes = len(smtp.messages), len(line.pushes)
            started = time.perf_counter()
            counts = run_tick(now)
            results[name] = {"seconds": round(time.perf_counter() - started, 2), "counts": dict(counts),
                             "emails": len(smtp.messages) - mails, "line_pushes": len(line.pushes) - pushes}
        results["database"] = connection.vendor
        return results
    finally:
        smtp.stop()
        line.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", type=int, default=100_000, help="open matters wanted in the bench database")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    sys.path.insert(0, os.getcwd())
    setup()
    open_matters = fill(args.open)
    now = next_working_morning()
    results = {"open_matters": open_matters, "now": now.isoformat(), "python": platform.python_version(),
               "cpus": os.cpu_count(), **timed_ticks(now)}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
