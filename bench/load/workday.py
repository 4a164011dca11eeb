"""One person of the office in a load test: logging in, opening pages and posting forms as a browser does.

Every request is checked: only the answer a view gives on success counts as success (see Workday.page and
Workday.submit). Requests are named by URL pattern (ids as [id]) so the statistics group them by page.
"""

import datetime as dt
import os
import random
import re

from locust import TaskSet, task

from bench.load.forms import Form, post_forms
from prasan.demo.data import DEMO_PASSWORD

PASSWORD = os.environ.get("PRASAN_LOAD_PASSWORD") or DEMO_PASSWORD

# What people type into the search box: agencies, topics, places, and numbers as letters print them.
SEARCHES = [
    "สพฐ.", "สอศ.", "สกศ.", "คุรุสภา", "สสวท.", "สทศ.", "สป.", "สช.",
    "ครูผู้ช่วย", "อาหารกลางวันนักเรียน", "ทุนการศึกษา", "อาคารเรียน", "หนี้สินครู", "ลูกเสือ",
    "โรงเรียนขนาดเล็ก", "เด็กหลุดออกจากระบบ", "การย้ายข้าราชการครู", "ชี้แจงกระทู้",
    "ครูผู้ช่วย เชียงใหม่", "อาคารเรียน ขอนแก่น", "งบประมาณซ่อมแซม สงขลา", "ร้องเรียน สพฐ.",
    "ศธ ๐๔๐", "ศธ ๐๔๐๑๒", "๐๔๐๐๖/๑๒", "ที่ ศธ ๐๔๐๕๕", "สร ๑๒", "๒๕๖๙",
]
LETTER_SEARCHES = ["ศธ ๐๔๐", "ศธ ๐๔๐๒๑/", "๐๔๐๕๕", "๐๔๐๐๖/๑๒", "ศธ 04012", "สพฐ. ขอข้อมูล"]
TITLES = [
    "ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี ๒๕๖๙ แยกรายภาค", "ติดตามความคืบหน้าโครงการอาหารกลางวันนักเรียน",
    "เตรียมประเด็นชี้แจงกระทู้ถามเรื่องหนี้สินครู", "ตรวจสอบข้อเท็จจริงกรณีร้องเรียนอาคารเรียนชำรุด",
    "ประสานการประชุมหารือเรื่องโรงเรียนขนาดเล็ก", "สรุปผลการตรวจเยี่ยมสถานศึกษาจังหวัดน่าน",
]
SUMMARIES = [
    "โทรประสานขอข้อมูลเพิ่มเติม ผู้ประสานงานรับจะส่งภายในสัปดาห์นี้",
    "ติดตามความคืบหน้า หน่วยงานแจ้งว่าอยู่ระหว่างรวบรวมข้อมูลจากเขตพื้นที่",
    "หารือประเด็นที่รัฐมนตรีสั่งการ ได้ข้อสรุปเบื้องต้นแล้ว",
    "ขอเอกสารประกอบการชี้แจงกระทู้ หน่วยงานส่งทางอีเมลแล้ว",
]
SENDERS = ["สพฐ.", "สอศ.", "สป.", "สกศ.", "สำนักงานศึกษาธิการจังหวัดเชียงใหม่", "สำนักงานเลขาธิการคณะรัฐมนตรี"]
# Events anyone may fire without paperwork the load test does not make (drafts, agency requests).
EVENTS = {
    "accept": "", "start": "", "draft": "", "resume": "",
    "close": "ดำเนินการแล้วเสร็จ แจ้งผู้สั่งการทราบแล้ว",  # facilitation (from coordinating): a message only
    "approve": "", "record_decision": "ทราบ ให้ดำเนินการตามเสนอ",
}

MATTER_LINK = re.compile(r'href="/matters/(\d+)/"')
ENTRY_LINK = re.compile(r'href="/registers/incoming/(\d+)/"')
STATE = re.compile(r'class="badge state-([a-z_]+)" id="matter-state"')
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
FLASH_ERROR = re.compile(r'<li class="error">([^<]*)</li>')
ERROR = re.compile(r'class="errorlist"[^>]*>\s*(?:<li>)?([^<]+)')
UNIT = re.compile(r"[?&;]unit=(\d+)")


def said(response) -> str:
    """Why a response is a failure, in few enough words that locust can group them."""
    if response.status_code == 0:
        detail = re.sub(r" at 0x[0-9a-f]+|host='[^']*', port=\d+", "", str(response.error))[:160]
        return f"เชื่อมต่อไม่ได้: {type(response.error).__name__} {detail}"
    shown = ERROR.search(response.text or "")
    return f"HTTP {response.status_code}" + (f": {shown.group(1).strip()}" if shown else "")


def pattern(url: str) -> str:
    """/matters/123/ → /matters/[id]/: how the statistics name a page."""
    url = re.sub(r"^/registers/[a-z_]+/", "/registers/[register]/", url.split("?")[0])
    return re.sub(r"/\d+/", "/[id]/", url)


# Matters someone is changing right now: two people of this process never update the same one at once
# (people sharing a demo account would otherwise race each other to the same button).
_busy: set[int] = set()


def thai_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


class Workday(TaskSet):
    """One person's day: log in, look at each part of their work once, then go on by weight.

    Requests are named by URL pattern (ids as [id]) so the statistics group them by page."""

    def on_start(self):
        self.mine: list[int] = []  # open matters of my work (in my scope: I may update them)
        self.seen: list[int] = []  # matters met in lists and search results
        self.tour = None
        self.logged_in = False
        self.login()

    def get_next_task(self):
        if not self.logged_in:
            return Workday.login  # as a person would after a failed log-in or an expired session
        if self.tour is None:
            self.tour = list(dict.fromkeys(self.tasks))
            random.shuffle(self.tour)
        return self.tour.pop() if self.tour else super().get_next_task()

    # -- requests that check what came back ---------------------------------------------------------

    def page(self, url: str, name: str, **params) -> str | None:
        """GET a page that must answer 200 (a redirect to the login form means the session is gone)."""
        with self.client.get(url, params=params or None, name=name, allow_redirects=False,
                             catch_response=True) as response:
            if response.status_code != 200:
                if response.headers.get("Location", "").startswith("/login/"):
                    self.logged_in = False
                    response.failure(f"HTTP {response.status_code} ไปหน้าเข้าสู่ระบบ")
                else:
                    response.failure(said(response))
                return None
            page = response.text
        if "text/html" in response.headers.get("Content-Type", ""):
            for asset in ASSET.findall(page):
                if asset not in self.user.cached:  # a browser fetches a stylesheet once, then caches it
                    self.user.cached.add(asset)
                    self.page(asset, "/static/[asset]")
        return page

    def submit(self, form: Form, url: str, name: str, data) -> tuple[str, str] | None:
        """POST a form that must redirect (its success); then open where it leads, which must show no error.

        Returns (where it led, that page)."""
        with self.client.post(form.action or url, data=data, name=name, allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure(said(response))
                return None
            target = response.headers["Location"]
            page = self.page(target, pattern(target))
            if page is None:
                response.failure("หน้าที่พาไปเปิดไม่ได้")
                return None
            if flash := FLASH_ERROR.search(page):
                # Redirected, but the view says it failed (an invalid event form does this).
                response.failure(flash.group(1))
                return None
        return target, page

    def login(self):
        page = self.page("/login/", "/login/")
        if page is None:
            return
        form = post_forms(page)[0]
        data = form.data(username=self.user.username, password=PASSWORD)
        with self.client.post("/login/", data=data, name="/login/", allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure("เข้าสู่ระบบไม่ได้: " + said(response))
                return
        self.logged_in = True

    # -- browsing -----------------------------------------------------------------------------------

    def remember(self, page: str | None, into: list[int]) -> None:
        if page:
            ids = [int(i) for i in dict.fromkeys(MATTER_LINK.findall(page))]
            if ids:
                into[:] = ids[:100]

    @task(1)
    def floor(self):
        """The floor every page is measured against: a signed-in page with nothing on it (everyone's mix)."""
        self.page("/signed-in/", "/signed-in/")

    def my_work(self):
        self.remember(self.page("/my-work/", "/my-work/"), self.mine)

    def matter_list(self, **filters):
        filters = {k: v for k, v in filters.items() if v not in ("", None)}
        named = sorted(k for k in filters if k not in ("page", "size"))
        name = "/matters/?" + "&".join(named) if named else "/matters/"
        self.remember(self.page("/matters/", name, **filters), self.seen)

    def open_matter(self, pk: int | None = None) -> str | None:
        pk = pk or random.choice(self.seen or self.mine or [0]) or None
        if pk is None:
            self.matter_list()
            return None
        return self.page(f"/matters/{pk}/", "/matters/[id]/")

    def search(self, words: list[str] = SEARCHES, **filters):
        q = random.choice(words)
        page = self.page("/search/", "/search/?q=" + ("&" + "&".join(sorted(filters)) if filters else ""),
                         q=q, **filters)
        self.remember(page, self.seen)
        if page and random.random() < 0.2 and "page=2" in page:
            self.page("/search/", "/search/?q=&page", q=q, page=2, **filters)

    # -- updating -----------------------------------------------------------------------------------

    def claim(self) -> int | None:
        if not self.mine:
            self.my_work()
        free = [pk for pk in self.mine if pk not in _busy]
        if not free:
            return None
        pk = random.choice(free)
        _busy.add(pk)
        return pk

    def forget(self, pk: int) -> None:
        if pk in self.mine:
            self.mine.remove(pk)

    def log_activity(self):
        """Open one of my matters, then log a phone call or meeting with an agency on it."""
        pk = self.claim()
        if pk is None:
            return
        try:
            page = self.open_matter(pk)
            url = f"/matters/{pk}/activities/new/"
            if not page or f'href="{url}"' not in page:
                self.forget(pk)  # closed, or no longer mine, since my list was loaded
                return
            self.wait()
            form_page = self.page(url, "/matters/[id]/activities/new/")
            if not form_page:
                return
            form = post_forms(form_page)[0]
            agencies = [v for v in form.options.get("agency", []) if v]
            data = form.data(
                channel=random.choice(["phone", "phone", "in_person", "meeting", "fax"]),
                direction=random.choice(["out", "out", "in"]),
                agency=random.choice(agencies) if agencies else "",
                counterpart="ผู้ประสานงานของหน่วยงาน", summary=random.choice(SUMMARIES),
                next_follow_up=(dt.date.today() + dt.timedelta(days=random.randint(1, 10))).isoformat(),
            )
            self.submit(form, url, "/matters/[id]/activities/new/", data)
        finally:
            _busy.discard(pk)

    def advance(self, events=EVENTS):
        """Open one of my matters and take its next step if it needs nothing the test does not make."""
        pk = self.claim()
        if pk is None:
            return
        try:
            page = self.open_matter(pk)
            if not page:
                return
            state = STATE.search(page)
            forms = {f.value("event"): f for f in post_forms(page) if f.action == f"/matters/{pk}/event/"}
            # Only facilitation matters close from "coordinating"; a substantive one needs a decision first.
            coordinating = state is not None and state.group(1) == "coordinating"
            choices = [e for e in forms if e in events and (e != "close" or coordinating)]
            if not choices:
                if not forms:
                    self.forget(pk)
                return
            event = random.choice(choices)
            if event == "start" and state and state.group(1) == "planning":
                page = self.write_plan(pk)
                if not page:
                    return
                forms = {f.value("event"): f for f in post_forms(page) if f.action == f"/matters/{pk}/event/"}
            self.wait()
            form = forms[event]
            changes = {"message": events[event]} if events[event] else {}
            if form.options.get("open_requests") and not form.value("open_requests"):
                # Closing while agencies still owe answers: the page asks what becomes of their requests.
                changes["open_requests"] = random.choice(form.options["open_requests"])
            data = form.data(**changes)
            self.submit(form, form.action, "/matters/[id]/event/", data)
        finally:
            _busy.discard(pk)

    def write_plan(self, pk: int) -> str | None:
        url = f"/matters/{pk}/plan/"
        page = self.page(url, "/matters/[id]/plan/")
        if not page:
            return None
        form = next(f for f in post_forms(page) if f.action == url)
        methods = form.options.get("methods", ["phone"])
        data = form.data(targets=f"{random.choice(SENDERS)} (ผู้ประสานงาน)",
                         methods=random.sample(methods, k=min(2, len(methods))),
                         deliverables="ข้อมูลประกอบการพิจารณาของรัฐมนตรี")
        done = self.submit(form, url, "/matters/[id]/plan/", data)
        return done[1] if done else None

    def quick_command(self):
        """The corridor form: the minister has just asked for something."""
        page = self.page("/matters/command/", "/matters/command/")
        if not page:
            return
        self.wait()
        form = post_forms(page)[0]
        data = form.data(title=random.choice(TITLES), deadline_days=random.randint(1, 10),
                         kind=random.choice(["facilitation", "substantive"]),
                         command_channel=random.choice(form.options.get("command_channel", ["in_person"])))
        done = self.submit(form, "/matters/command/", "/matters/command/", data)
        if done and (found := MATTER_LINK.search(f'href="{done[0]}"')):
            self.mine.insert(0, int(found.group(1)))
