"""One synthetic matter at a time, as rows: the matter, its assignee and transitions, activities, requests,
documents and register entries, and the search index rows for all of them.

Matters come oldest first. Register entries are numbered, and index rows given their ids, in date order
through two windows: nothing later than a matter's created date minus LEAD can still arrive, so what is
older than that is final (a document waits for the number its signing takes from the register).
"""

import datetime as dt
import heapq
import itertools
import json
import random

from prasan.coordination.models import Activity, AgencyRequest
from prasan.correspondence.models import Register, RegisterEntry
from prasan.correspondence.numbering import doc_number_for
from prasan.documents.models import Document
from prasan.documents.signing import REGISTER_FOR
from prasan.matters.choices import OPEN_STATES, Source, State
from prasan.matters.models import Matter, Transition
from prasan.search import sources
from prasan.search.index import BODY_LIMIT
from prasan.search.models import SearchEntry
from prasan.search.text import index_text
from prasan.thai.dates import BE_OFFSET

from . import generate_parliament as parliament
from . import vocabulary as words
from .bulk import Stamps, Table, day_text

HOUR, DAY = 3600, 86400
LEAD = 3 * DAY  # an incoming letter is registered at most this long before its matter is opened
SIGN_WINDOW = 30 * DAY  # a document is signed at most this long after it was drafted
SPAN_DAYS = 3650  # ten years of an office's work: tens of thousands of matters a year at a million
OPEN = sorted(OPEN_STATES)
DUTIES = ["analysis"] * 3 + ["political_support"] * 2 + ["parliament"] * 2 + ["policy_followup"] * 2 + \
    ["complaint"] * 3 + ["other"]
SOURCES = {"analysis": "written_command", "political_support": "verbal_command", "parliament": "parliament",
           "policy_followup": "policy", "complaint": "complaint", "other": "verbal_command"}
SOURCE_LABELS = dict(Source.choices)
URGENCIES = ["normal"] * 6 + ["urgent"] * 2 + ["very_urgent", "most_urgent"]
# The event that last moved an open matter, and the state it came from.
REACHED_BY = {State.PLANNING: ("accept", State.RECEIVED), State.COORDINATING: ("start", State.PLANNING),
              State.AWAITING_AGENCIES: ("await_agencies", State.COORDINATING),
              State.DRAFTING: ("draft", State.COORDINATING), State.IN_REVIEW: ("submit", State.DRAFTING),
              State.WITH_MINISTER: ("approve", State.IN_REVIEW),
              State.FOLLOWING_UP: ("record_decision", State.WITH_MINISTER)}
FACILITATION_STATES = {State.RECEIVED, State.COORDINATING, State.AWAITING_AGENCIES}
DOCUMENT_STATUS = {State.DRAFTING: "draft", State.IN_REVIEW: "in_review", State.WITH_MINISTER: "approved",
                   State.FOLLOWING_UP: "signed", State.CLOSED: "signed", State.CANCELLED: "draft"}


class Dice(random.Random):
    """choice and randint from a single random() each: several times faster than the exact ones, and as
    even as synthetic data needs."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def state_for(rng: random.Random, age_days: int) -> str:
    """Old matters are almost all closed; the last two months' are mostly still being worked on."""
    if age_days > 60:
        roll = rng.random()
        return State.CLOSED if roll < 0.975 else State.CANCELLED if roll < 0.985 else rng.choice(OPEN)
    return State.CLOSED if rng.random() < age_days / 120 else rng.choice(OPEN)


def jsonb_order(value):
    """Keys in the order PostgreSQL's jsonb keeps them (shorter first, then by bytes), on every database,
    so text read back from a document's form comes out in the same order everywhere."""
    if isinstance(value, dict):
        return {k: jsonb_order(value[k]) for k in sorted(value, key=lambda k: (len(k.encode()), k.encode()))}
    return value


def search_row(source: sources.Source, record: dict, date) -> tuple:
    """What prasan.search.index.entry_for makes of a record, as a row (without its id)."""
    found = source.words(record)
    scope = {"owner_id": None, **source.scope(record)}
    return (source.kind, record["pk"], scope["matter_id"], scope["secrecy"], scope["need_to_know"],
            scope["owner_id"], scope["state"], scope["duty_type"], date,
            index_text(f"{found.reference} {found.title}"), index_text(found.body)[:BODY_LIMIT])


SEARCH_COLUMNS = ["id", "kind", "object_id", "matter_id", "secrecy", "need_to_know", "owner_id", "state", "duty_type",
                  "date", "title", "body"]


def tables() -> dict[str, Table]:
    return {
        "matter": Table(Matter, ["id", "office_id", "year", "seq", "title", "description", "duty_type", "source",
                                 "commanded_by", "commanded_at", "command_channel", "kind", "urgency", "secrecy",
                                 "owner_unit_id", "external_deadline", "internal_deadline", "state", "tags",
                                 "created_by_id", "created_at", "updated_at", "closed_at"]),
        "assignee": Table(Matter.assignees.through, ["id", "matter_id", "user_id"]),
        "transition": Table(Transition, ["id", "matter_id", "at", "by_id", "event", "from_state", "to_state",
                                         "message"]),
        "activity": Table(Activity, ["id", "matter_id", "channel", "direction", "agency_id", "counterpart",
                                     "summary", "outcome", "occurred_at", "by_id"]),
        "request": Table(AgencyRequest, ["id", "matter_id", "agency_id", "contact_id", "deliverable", "deadline",
                                         "status", "created_by_id", "created_at", "acknowledged_at", "answered_at",
                                         "answer", "answered_by_name", "link_version", "link_issued_at"]),
        "document": Table(Document, ["id", "matter_id", "form", "title", "fields", "status", "created_by_id",
                                     "created_at", "updated_at", "register_entry_id", "signed_by_id", "signed_name",
                                     "signed_at"]),
        "entry": Table(RegisterEntry, ["id", "office_id", "register", "year", "number", "doc_number", "letter_date",
                                       "registered_at", "sender", "recipient", "subject", "action", "urgency",
                                       "secrecy", "unit_id", "matter_id", "created_by_id", "created_at"]),
        "parliament_item": parliament.table(),
        "search": Table(SearchEntry, SEARCH_COLUMNS),
    }


class Agency:
    """An agency as the generator writes it: its names, its liaison, its letter codes, who heads it."""

    def __init__(self, agency, contact):
        self.id, self.name = agency.pk, agency.name
        self.short = agency.abbreviation or agency.name
        self.contact_id, self.contact = (contact.pk, contact.name) if contact else (None, "")
        self.codes = words.LETTER_CODES.get(agency.abbreviation) or [f"ศธ 09{agency.pk % 100:02d}"]
        office = agency.name.removeprefix("สำนักงาน")
        self.head = f"เลขาธิการ{office}" if office != agency.name else f"ผู้อำนวยการ{agency.name}"


class Rows:
    """Makes the rows into `tables` for the writer: a matter's own at once, register entries and index rows
    when number_until and emit_until reach their dates."""

    def __init__(self, *, office, units, users, agencies, contacts, now: dt.datetime, seed, connection,
                 tables: dict[str, Table], ids: dict[str, int], matter_counters: dict, register_counters: dict,
                 sessions: list | None = None):
        self.rng = Dice(seed)
        self.stamps = Stamps(connection)
        self.now = int(now.timestamp())
        self.office, self.tables, self.ids = office, tables, ids
        self.matter_counters, self.register_counters = matter_counters, register_counters
        self.fiscal = office.numbering_year == "fiscal"
        self.units = list(units)
        coordinators = [u for u in users if u.role == "coordinator"] or list(users)
        self.staff = {u.pk: [c for c in coordinators if c.unit_id == u.pk] or coordinators for u in self.units}
        self.cleared = [c for c in coordinators if c.clearance >= 1] or coordinators
        self.registrar = next((u.pk for u in users if u.role == "registrar"), None)
        head = next((u for u in users if u.role == "head"), None)
        self.head, self.head_name = (head.pk, head.get_full_name() or head.username) if head else (None, "")
        self.agencies = [a for a in agencies for _ in range(words.AGENCY_WEIGHTS.get(a.abbreviation, 2))]
        self.agencies = [Agency(a, contacts.get(a.pk)) for a in self.agencies]
        self.years: dict[int, tuple[int, int]] = {}  # local day → (BE year, numbering year)
        self.numbering: list = []  # register entries waiting for their number, by date
        self.pending: list = []  # index rows waiting for their id, by date
        self.order = itertools.count()
        self.documents: dict[int, tuple] = {}  # document id → its row, written once its number is known
        self.parliament = parliament.ParliamentRows(self, sessions or [])

    def _id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _year(self, day: int) -> tuple[int, int]:
        years = self.years.get(day)
        if years is None:
            date = dt.date(1970, 1, 1) + dt.timedelta(days=day)
            be = date.year + BE_OFFSET
            years = self.years[day] = (be, be + 1 if self.fiscal and date.month >= 10 else be)
        return years

    def _index(self, ts: int, source, record: dict) -> None:
        heapq.heappush(self.pending, (ts * 1_000_000, source.kind, record["pk"], source, record, None))

    # -- one matter ---------------------------------------------------------------------------------

    def matter(self, created: int) -> None:
        rng, at = self.rng, self.stamps.at
        t = self.tables
        state = state_for(rng, (self.now - created) // DAY)
        duty = rng.choice(DUTIES)
        facilitation = duty in ("other", "political_support") and rng.random() < 0.6
        if facilitation and state in OPEN_STATES and state not in FACILITATION_STATES:
            state = State.COORDINATING
        unit = rng.choice(self.units)
        secrecy = rng.choice((1, 1, 2, 3)) if rng.random() < 0.03 else 0
        assignee = rng.choice(self.cleared if secrecy else self.staff[unit.pk]).pk
        agency = rng.choice(self.agencies)
        topic, place = rng.choice(words.TOPICS), rng.choice(words.PLACES)
        day = self.stamps.local_day(created)
        year = self._year(day)[0]
        fill = {"t": topic, "a": agency.short, "p": place, "s": f"โรงเรียนบ้าน{rng.choice(words.VILLAGES)}",
                "n": rng.randint(1, 400), "y": year - rng.randint(0, 1), "q": rng.randint(1, 4),
                "c": rng.choice(words.COMMANDERS)}
        title = rng.choice(words.TITLES[duty]).format_map(fill)
        description = rng.choice(words.DESCRIPTIONS).format_map(fill)
        tags = f"{topic} {place}" if rng.random() < 0.3 else ""
        has_letter = rng.random() < 0.5
        source = "incoming_letter" if has_letter and rng.random() < 0.6 else SOURCES[duty]
        commanded = source in ("verbal_command", "written_command")
        self.matter_counters[year] = seq = self.matter_counters.get(year, 0) + 1
        closed = min(self.now, created + rng.randint(2 * HOUR, 45 * DAY)) if state == State.CLOSED else None
        end = closed or (min(self.now, created + rng.randint(HOUR, 20 * DAY)) if state == State.CANCELLED
                         else self.now)
        due = day + rng.randint(3, 30)
        mid = self._id("matter")
        t["matter"].add(
            mid, self.office.pk, year, seq, title, description, duty, source,
            rng.choice(words.COMMANDERS) if commanded else "", at(created - rng.randint(0, DAY)) if commanded else None,
            rng.choice(("in_person", "phone", "line", "meeting")) if commanded else "",
            "facilitation" if facilitation else "substantive", rng.choice(URGENCIES), secrecy, unit.pk,
            day_text(due), day_text(due - 1), state, tags, assignee, at(created), at(closed or created),
            at(closed) if closed else None)
        t["assignee"].add(self._id("assignee"), mid, assignee)
        part = {"matter_id": mid, "matter__office__abbreviation": self.office.abbreviation, "matter__seq": seq,
                "matter__year": year, "matter__secrecy": secrecy, "matter__state": state, "matter__duty_type": duty}
        self._index(created, sources.MATTER, {
            "pk": mid, "office__abbreviation": self.office.abbreviation, "seq": seq, "year": year, "title": title,
            "description": description, "tags": tags, "secrecy": secrecy, "state": state, "duty_type": duty})
        self._transitions(mid, created, end, state, facilitation, source, assignee)
        span = max(end - created, HOUR)
        self._activities(part, created, span, assignee, fill)
        if state not in (State.RECEIVED, State.PLANNING):
            self._requests(part, created, span, state, assignee, fill)
        if not facilitation and state in DOCUMENT_STATUS and (state in OPEN_STATES or rng.random() < 0.37):
            self._document(part, created, end, state, unit, agency, title, description or title, fill, assignee)
        if has_letter:
            self._letter(part, created, unit, title, agency, fill)
        self.parliament.maybe(part, created=created, day=day, due=due, state=state, closed=closed, title=title,
                              by=assignee, place=place)

    def _transitions(self, mid, created, end, state, facilitation, source, by) -> None:
        rng, add, at = self.rng, self.tables["transition"].add, self.stamps.at
        add(self._id("transition"), mid, at(created), by, "create", "", State.RECEIVED,
            f"รับเรื่องจาก{SOURCE_LABELS[source]}")
        if state == State.CLOSED:
            before = State.COORDINATING if facilitation else State.FOLLOWING_UP
            add(self._id("transition"), mid, at(end), by, "close", before, state, "ดำเนินการครบถ้วนแล้ว")
        elif state == State.CANCELLED:
            add(self._id("transition"), mid, at(end), self.head, "cancel", State.RECEIVED, state,
                "ผู้สั่งการยกเลิกคำสั่ง")
        elif state != State.RECEIVED:
            event, before = REACHED_BY[state]
            if facilitation and event == "start":
                before = State.RECEIVED
            add(self._id("transition"), mid, at(created + rng.randint(HOUR, min(end - created, 10 * DAY) + HOUR)),
                by, event, before, state, "")

    def _activities(self, part, created, span, by, fill) -> None:
        rng, add, at = self.rng, self.tables["activity"].add, self.stamps.at
        for _ in range(rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4))):
            agency = rng.choice(self.agencies)
            channel = rng.choice(words.CHANNELS)
            summary = rng.choice(words.SUMMARIES[channel]).format_map({**fill, "a": agency.short})
            outcome = rng.choice(words.OUTCOMES)
            when = min(created + rng.randint(HOUR, min(span, 30 * DAY) + HOUR), self.now)
            aid = self._id("activity")
            direction = "in" if rng.random() < 0.25 else "out"
            add(aid, part["matter_id"], channel, direction, agency.id, agency.contact, summary, outcome, at(when), by)
            self._index(when, sources.ACTIVITY, {
                **part, "pk": aid, "channel": channel, "agency__name": agency.name, "counterpart": agency.contact,
                "summary": summary, "outcome": outcome})

    def _requests(self, part, created, span, state, by, fill) -> None:
        rng, add, at = self.rng, self.tables["request"].add, self.stamps.at
        roll = rng.random()
        for _ in range(2 if roll < 0.12 else 1 if roll < 0.52 else 0):
            agency = rng.choice(self.agencies)
            sent = min(created + rng.randint(HOUR, min(span, 5 * DAY) + HOUR), self.now)
            deadline = self.stamps.local_day(sent) + rng.randint(3, 15)
            deliverable = rng.choice(words.DELIVERABLES).format_map(fill)
            answered = state == State.CLOSED or state in OPEN_STATES and rng.random() < 0.4
            acknowledged = answer_at = None
            answer = answered_by = ""
            status = "cancelled" if state == State.CANCELLED else "sent"
            if answered:
                status, answer_at = "answered", min(sent + rng.randint(HOUR, 12 * DAY), max(created + span, sent + HOUR), self.now)
                answer, answered_by = rng.choice(words.ANSWERS).format_map(fill), agency.contact or "ผู้ประสานงาน"
            elif status == "sent" and rng.random() < 0.4:
                status, acknowledged = "acknowledged", min(sent + rng.randint(HOUR, 2 * DAY), self.now)
            rid = self._id("request")
            add(rid, part["matter_id"], agency.id, agency.contact_id, deliverable, day_text(deadline), status, by,
                at(sent), at(acknowledged) if acknowledged else None, at(answer_at) if answer_at else None, answer,
                answered_by, 2 if answered else 1, at(sent))
            if answer:
                self._index(sent, sources.ANSWER, {
                    **part, "pk": rid, "agency__name": agency.name, "answer": answer, "answered_by_name": answered_by,
                    "deliverable": deliverable})

    def _document(self, part, created, end, state, unit, agency, title, matter_text, fill, by) -> None:
        rng = self.rng
        status = DOCUMENT_STATUS[state]
        drafted = min(created + rng.randint(HOUR, max(end - created, 2 * HOUR) // 2), self.now)
        signed = None
        if status == "signed":
            signed = min(drafted + rng.randint(HOUR, SIGN_WINDOW), max(end, drafted))
            if state == State.CLOSED and rng.random() < 0.4:
                status = "dispatched"
        letter = rng.random() < 0.3
        form = "external_letter" if letter else "office_memo"
        fields = {"subject": title, "to": agency.head if letter else self.office.minister_title,
                  "doc_number": "", "date": "", "signer": {"name": f"({self.head_name})",
                                                           "position": "หัวหน้าสำนักงานรัฐมนตรี"}}
        if letter:
            fields["body"] = [matter_text, f"จึงเรียนมาเพื่อโปรดพิจารณา{rng.choice(words.DELIVERABLES).format_map(fill)}"]
        else:
            fields |= {"unit": f"{self.office.abbreviation}. ({unit.name})", "urgency": "", "secrecy": "",
                       "matter": matter_text, "facts_intro": "ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้",
                       "facts": [rng.choice(words.ANSWERS).format_map(fill)],
                       "consideration_intro": "ได้พิจารณาแล้ว มีความเห็น ดังนี้",
                       "consideration": [f"เห็นควรประสานหน่วยงานที่เกี่ยวข้องเรื่อง{fill['t']}"],
                       "recommendation_intro": "เห็นควร", "recommendation": ["แจ้งหน่วยงานดำเนินการต่อไป"],
                       "closing": "จึงเรียนมาเพื่อโปรดพิจารณา"}
        did = self._id("document")
        doc_title = f"{'หนังสือภายนอก' if letter else 'บันทึกข้อความเสนอรัฐมนตรี'}: {title}"[:500]
        record = {**part, "pk": did, "title": doc_title, "fields": fields}
        entry = None
        if signed is not None:
            register = Register.SECRET if part["matter__secrecy"] else REGISTER_FOR.get(form, Register.OUTGOING)
            entry = {"register": register, "at": signed, "doc_number": "", "sender": self.office.name,
                     "recipient": fields["to"], "subject": title, "action": "ลงนามในระบบ", "urgency": "",
                     "unit": unit, "part": part, "by": self.head, "fields": fields}
            self._number_later(signed, entry)
        self.documents[did] = (part["matter_id"], form, doc_title, status, by, drafted, signed, entry)
        self._index(drafted, sources.DOCUMENT, record)

    def _letter(self, part, created, unit, title, agency, fill) -> None:
        rng = self.rng
        code = rng.choice(agency.codes)
        number = f"{code}/ว {rng.randint(1, 999)}" if rng.random() < 0.1 else f"{code}/{rng.randint(1, 9999)}"
        self._number_later(created - rng.randint(10 * 60, LEAD), {
            "register": Register.INCOMING, "doc_number": number, "sender": agency.name, "recipient": words.RECIPIENT,
            "subject": rng.choice(words.INCOMING_SUBJECTS).format_map({**fill, "title": title}),
            "action": rng.choice(words.ACTIONS), "urgency": "", "unit": unit, "part": part, "by": self.registrar,
            "fields": None})

    def _number_later(self, ts: int, entry: dict) -> None:
        entry["at"] = ts
        heapq.heappush(self.numbering, (ts, next(self.order), entry))

    # -- the windows ------------------------------------------------------------------------------

    def number_until(self, ts: float) -> None:
        """Register entries older than `ts`, in date order: their number, their row, their index row."""
        at, add = self.stamps.at, self.tables["entry"].add
        while self.numbering and self.numbering[0][0] < ts:
            when, _, entry = heapq.heappop(self.numbering)
            register, part = entry["register"], entry["part"]
            day = self.stamps.local_day(when)
            year = self._year(day)[1]
            key = (register, year)
            self.register_counters[key] = number = self.register_counters.get(key, 0) + 1
            doc_number = entry["doc_number"] or doc_number_for(register, number, year, entry["unit"], self.office)
            letter_date = day_text(day - self.rng.randint(1, 5) if register == Register.INCOMING else day)
            eid = self._id("entry")
            add(eid, self.office.pk, register, year, number, doc_number, letter_date, at(when), entry["sender"],
                entry["recipient"], entry["subject"], entry["action"], entry["urgency"], part["matter__secrecy"],
                entry["unit"].pk, part["matter_id"], entry["by"], at(when))
            if entry["fields"] is not None:  # a signed document takes the register's number and date
                entry["fields"]["doc_number"], entry["fields"]["date"] = doc_number, letter_date
                entry["id"] = eid
            self._index(when, sources.ENTRY, {
                **part, "pk": eid, "register": register, "number": number, "year": year, "doc_number": doc_number,
                "subject": entry["subject"], "sender": entry["sender"], "recipient": entry["recipient"],
                "action": entry["action"], "remark": "", "secrecy": part["matter__secrecy"]})

    def emit_until(self, ts: float, existing) -> None:
        """Index rows older than `ts` (and rows that were in the database before), in the rebuild's order."""
        key = ts * 1_000_000
        existing.feed(self.pending, key)
        at, add, ids = self.stamps.at, self.tables["search"].add, self.ids
        while self.pending and self.pending[0][0] < key:
            us, _, _, source, record, row = heapq.heappop(self.pending)
            if row is None:
                if source is sources.DOCUMENT:
                    self._write_document(record)
                row = search_row(source, record, at(us // 1_000_000))
            sid = ids["search"]
            ids["search"] = sid + 1
            add(sid, *row)

    def _write_document(self, record: dict) -> None:
        at = self.stamps.at
        matter_id, form, title, status, by, drafted, signed, entry = self.documents.pop(record["pk"])
        fields = record["fields"] = jsonb_order(record["fields"])
        self.tables["document"].add(
            record["pk"], matter_id, form, title, json.dumps(fields, ensure_ascii=False), status, by, at(drafted),
            at(signed or drafted), entry["id"] if entry else None,
            self.head if signed else None, self.head_name if signed else "", at(signed) if signed else None)
