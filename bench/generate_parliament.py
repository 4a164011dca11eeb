"""Parliament items for the generated matters, in about the office's proportion, and the sessions they fall in.

About one parliament-duty matter in eight is an item the Secretariat sent (the rest are political
support around it): with the generator's mix that is near 2% of all matters, 20,000 items at a million —
far more than one ministry receives, as the million matters are, so the pages are timed at the top of
the range. Kinds as a ministry sees them: written questions most, then general and oral questions,
motions, bill opinions, committee summons, and a few bills of its own.
"""

import datetime as dt

from prasan.parliament.choices import Status
from prasan.parliament.models import Item, Session, Sitting
from prasan.parliament.models.items import number_key

from . import vocabulary as words
from .bulk import Table, day_text

SHARE = 0.125  # of parliament-duty matters
KINDS = (["written_question"] * 35 + ["general_question"] * 20 + ["oral_question"] * 10
         + ["separate_question"] * 8 + ["motion"] * 9 + ["bill_opinion"] * 8 + ["committee_summons"] * 7
         + ["bill"] * 3)
AT_A_SITTING = {"general_question", "oral_question", "separate_question", "bill", "committee_summons"}
OPEN = [Status.RECEIVED, Status.ASSIGNED, Status.INFORMATION_REQUESTED, Status.INFORMATION_REQUESTED,
        Status.ANSWER_DRAFTED, Status.APPROVED, Status.POSTPONED]
PARTIES = ["พรรคก้าวหน้าไทย", "พรรคประชาธรรม", "พรรคพลังชุมชน", "พรรครวมใจ", "พรรคเสรีไทยใหม่"]
ASKERS = ["นายสมชาย", "นางสาวจันทร์เพ็ญ", "นายประยูร", "นางวิภาวดี", "นายอับดุลเลาะ", "นายวีระพงษ์", "นางอรทัย"]
MINISTERS = ["รัฐมนตรีว่าการกระทรวงศึกษาธิการ"] * 3 + ["รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ"]


def table() -> Table:
    return Table(Item, ["id", "office_id", "matter_id", "kind", "house", "session_id", "number", "number_key",
                        "subject", "text", "status", "received_on", "sitting_on", "due_on", "due_basis",
                        "postponements", "answered_on", "asker_name", "asker_party", "asker_province",
                        "minister_asked", "committee", "meeting_at", "room", "created_by_id", "created_at",
                        "updated_at"])


def sessions(now: dt.datetime, span_days: int) -> list[tuple[int, int, int]]:
    """Two ordinary sessions a year over the span (made once), with their sitting days; (id, first day, last
    day) in days since 1970, oldest first."""
    first_year = (now - dt.timedelta(days=span_days)).year - 1
    wanted = []
    for year in range(first_year, now.year + 1):
        wanted.append((f"สมัยประชุมสามัญประจำปีครั้งที่หนึ่ง พ.ศ. {year + 543}", dt.date(year, 7, 3), dt.date(year, 10, 30)))
        wanted.append((f"สมัยประชุมสามัญประจำปีครั้งที่สอง พ.ศ. {year + 543}", dt.date(year, 12, 1),
                       dt.date(year + 1, 3, 29)))
    known = list(Session.objects.values_list("starts_on", "ends_on"))
    for name, start, end in wanted:
        if any(start <= last and first <= end for first, last in known):
            continue  # the office keeps a session there already (the demo's, an earlier run's)
        session = Session.objects.create(name=name, starts_on=start, ends_on=end)
        days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        Sitting.objects.bulk_create([Sitting(session=session, date=day, house="house" if day.weekday() in (2, 3)
                                             else "senate") for day in days if day.weekday() < 4],
                                  ignore_conflicts=True)
    epoch = dt.date(1970, 1, 1)
    return [(pk, (start - epoch).days, (end - epoch).days)
            for pk, start, end in Session.objects.order_by("starts_on").values_list("pk", "starts_on", "ends_on")]


class ParliamentRows:
    """Adds an item row for some of the generated parliament matters."""

    def __init__(self, rows, session_spans: list[tuple[int, int, int]]):
        self.rows, self.spans = rows, session_spans
        self.numbers: dict[tuple[int | None, str], int] = {}

    def _session(self, day: int) -> int | None:
        return next((pk for pk, first, last in reversed(self.spans) if first <= day <= last), None)

    def maybe(self, part: dict, *, created: int, day: int, due: int, state: str, closed: int | None,
              title: str, by: int, place: str) -> None:
        rng = self.rows.rng
        if part["matter__duty_type"] != "parliament" or rng.random() >= SHARE:
            return
        kind = rng.choice(KINDS)
        session = self._session(day)
        house = "senate" if rng.random() < 0.15 else "house"
        number = ""
        if kind in ("written_question", "general_question", "separate_question", "bill_opinion"):
            key = (session, house)
            self.numbers[key] = n = self.numbers.get(key, 0) + 1
            number = f"{n} {'ร.' if house == 'house' else 'ว.'}" if kind == "written_question" else str(n)
        sitting = day + rng.randint(2, 20) if kind in AT_A_SITTING else None
        if state == "closed":
            roll = rng.random()
            status = Status.ANSWERED if roll < 0.9 else Status.LAPSED if roll < 0.95 else Status.WITHDRAWN
        elif state in ("cancelled", "transferred"):
            status = Status.WITHDRAWN
        else:
            status = rng.choice(OPEN)
        answered = self.rows.stamps.local_day(closed) if status == Status.ANSWERED and closed else None
        at = self.rows.stamps.at
        meeting = at(sitting * 86400 + 2 * 3600 + 30 * 60) if kind == "committee_summons" else None
        self.rows.tables["parliament_item"].add(
            self.rows._id("parliament_item"), self.rows.office.pk, part["matter_id"], kind,
            "" if kind == "bill_opinion" else house, session, number, number_key(number), title[:500],
            f"ขอให้ชี้แจงเรื่อง{title}", status, day_text(day), day_text(sitting) if sitting else None,
            day_text(due), "ตามกำหนดในหนังสือ", 1 if status == Status.POSTPONED else 0,
            day_text(answered) if answered else None,
            f"{rng.choice(ASKERS)} {rng.choice(words.VILLAGES)}" if kind.endswith("question") else "",
            rng.choice(PARTIES) if kind.endswith("question") else "", place if kind.endswith("question") else "",
            rng.choice(MINISTERS), "คณะกรรมาธิการการศึกษา" if kind == "committee_summons" else "", meeting,
            "ห้องประชุมกรรมาธิการ ๓๐๑" if meeting else "", by, at(created), at(closed or created))
