"""Fifty people of the minister's office at work over HTTP (issue #7): who they are and what they do how often.

Run by `prasan loadtest`, which starts gunicorn on the bench database and reads back what this records.
Coordinators make up most of the office, with a few group heads, the head of office and a registrar; each
logs in through the login form, browses, searches and updates through the real forms (bench/load/workday.py
says how a request is checked). Think times of 2–8 s between steps are a person reading a page.

Environment: PRASAN_LOAD_PASSWORD (the demo users' password), PRASAN_LOAD_THINK (think-time factor;
1 is a person reading pages, 0.1 a hurried test) and PRASAN_LOAD_SAMPLES (a file to record every request
in, for exact percentiles over any part of the run)."""

import datetime as dt
import os
import random
import re
import time

from locust import HttpUser, between, events, task
from urllib3.util.retry import Retry

from bench.load.forms import post_forms
from bench.load.workday import (
    ENTRY_LINK,
    EVENTS,
    LETTER_SEARCHES,
    SEARCHES,
    SENDERS,
    TITLES,
    UNIT,
    Workday,
    thai_digits,
)
from prasan.web.timing import cpu_ms

THINK = float(os.environ.get("PRASAN_LOAD_THINK") or 1)
SAMPLES = os.environ.get("PRASAN_LOAD_SAMPLES")

if SAMPLES:
    _samples = open(SAMPLES, "a", buffering=1, encoding="utf-8")  # open for the whole run, line by line

    @events.request.add_listener
    def _record(request_type, name, response_time, exception=None, response=None, **_):
        error = "" if exception is None else re.sub(r"\s+", " ", str(exception))
        cpu = cpu_ms(response.headers.get("Server-Timing") if response is not None else None)
        _samples.write(f"{time.time():.3f}\t{request_type}\t{name}\t{response_time:.1f}\t{error}\t"
                       f"{'' if cpu is None else f'{cpu:.2f}'}\n")


class CoordinatorDay(Workday):
    @task(6)
    def look_at_my_work(self):
        self.my_work()

    @task(4)
    def browse_the_list(self):
        choice = random.random()
        if choice < 0.3:
            self.matter_list(page=random.randint(1, 5))
        elif choice < 0.6:
            self.matter_list(state="open", overdue=1)
        elif choice < 0.8:
            self.matter_list(due_within=random.choice([3, 5, 10]))
        else:
            self.matter_list(state="open", duty_type=random.choice(["analysis", "parliament", "complaint"]),
                             urgency=random.choice(["", "urgent", "most_urgent"]))

    @task(8)
    def read_a_matter(self):
        self.open_matter(random.choice(self.mine) if self.mine and random.random() < 0.7 else None)

    @task(4)
    def search_something(self):
        self.search()

    @task(1)
    def look_at_the_register(self):
        self.remember(self.page("/registers/incoming/", "/registers/[register]/"), self.seen)

    @task(3)
    def log_a_call(self):
        self.log_activity()

    @task(2)
    def move_a_matter_on(self):
        self.advance()

    @task(1)
    def record_a_command(self):
        self.quick_command()


class GroupHeadDay(CoordinatorDay):
    unit = ""

    @task(5)
    def look_at_the_unit(self):
        page = self.page("/tracking/", "/tracking/ (unit)")
        if page and (found := UNIT.search(page)):
            self.unit = found.group(1)

    @task(3)
    def check_the_team(self):
        self.matter_list(state="open", unit=self.unit, page=random.randint(1, 3))


class HeadDay(Workday):
    @task(5)
    def look_at_the_office(self):
        self.page("/tracking/", "/tracking/ (office)")

    @task(2)
    def look_at_decisions(self):
        self.page("/tracking/decisions/", "/tracking/decisions/")

    @task(3)
    def look_at_late_matters(self):
        self.matter_list(state="open", overdue=1, page=random.randint(1, 3))

    @task(4)
    def read_a_matter(self):
        self.open_matter()

    @task(2)
    def search_something(self):
        self.search()

    @task(2)
    def review(self):
        """Open what waits for review or a decision and pass it on."""
        state = random.choice(["in_review", "with_minister"])
        self.remember(self.page("/matters/", "/matters/?state", state=state), self.mine)
        self.advance(events={e: m for e, m in EVENTS.items() if e in ("approve", "record_decision")})


class RegistrarDay(Workday):
    @task(2)
    def open_the_registers(self):
        self.page("/registers/", "/registers/")

    @task(4)
    def browse_incoming(self):
        params = {"page": random.randint(1, 5)}
        if random.random() < 0.4:
            params["q"] = random.choice(LETTER_SEARCHES)
        page = self.page("/registers/incoming/", "/registers/[register]/" + ("?q" if "q" in params else ""),
                         **params)
        if page and (entries := ENTRY_LINK.findall(page)):
            self.wait()
            self.page(f"/registers/incoming/{random.choice(entries)}/", "/registers/[register]/[id]/")

    @task(3)
    def search_a_letter(self):
        self.search(LETTER_SEARCHES + SEARCHES[:8])

    @task(2)
    def register_a_letter(self):
        page = self.page("/registers/incoming/new/", "/registers/[register]/new/")
        if not page:
            return
        self.wait()
        form = post_forms(page)[0]
        number = f"ศธ {thai_digits(f'04{random.randint(0, 99):03d}/{random.randint(1, 9999)}')}"
        data = form.data(doc_number=number, letter_date=dt.date.today().isoformat(),
                         sender=random.choice(SENDERS), recipient="รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
                         subject=random.choice(TITLES), action="เสนอรัฐมนตรี")
        self.submit(form, "/registers/incoming/new/", "/registers/[register]/new/", data)

    @task(1)
    def record_a_letter_as_matter(self):
        page = self.page("/matters/new/", "/matters/new/")
        if not page:
            return
        self.wait()
        form = post_forms(page)[0]
        units = [v for v in form.options.get("owner_unit", []) if v]
        data = form.data(title=f"หนังสือ{random.choice(SENDERS)} {random.choice(TITLES)}", source="incoming_letter",
                         commanded_by=random.choice(SENDERS), deadline_days=random.randint(3, 15),
                         owner_unit=random.choice(units) if units else "")
        self.submit(form, "/matters/new/", "/matters/new/", data)

    @task(2)
    def look_at_my_work(self):
        self.my_work()


class Person(HttpUser):
    abstract = True
    wait_time = between(2 * THINK, 8 * THINK)
    accounts: tuple[str, ...] = ()
    _next = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # People of one role take turns on that role's demo accounts.
        cls = type(self)
        self.username = cls.accounts[cls._next % len(cls.accounts)]
        cls._next += 1
        self.cached: set[str] = set()  # static files this person's browser holds
        # A browser sends a request again when the kept-alive connection it reused was closed by the server
        # before any answer (gunicorn closes idle ones after 2 s); requests does not unless told to. A
        # worker that died mid-request would be hidden by this, so `prasan loadtest` reads gunicorn's log.
        for adapter in self.client.adapters.values():
            adapter.max_retries = Retry(total=1, connect=1, read=1, status=0, allowed_methods=None,
                                        raise_on_status=False)


class Coordinator(Person):
    weight = 40
    accounts = ("coordinator", "coordinator2", "coordinator3", "coordinator4")
    tasks = [CoordinatorDay]


class GroupHead(Person):
    weight = 6
    accounts = ("grouphead", "grouphead2")
    tasks = [GroupHeadDay]


class Head(Person):
    weight = 2
    accounts = ("head",)
    tasks = [HeadDay]


class Registrar(Person):
    weight = 2
    accounts = ("registrar",)
    tasks = [RegistrarDay]
