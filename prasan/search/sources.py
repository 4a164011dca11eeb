"""What is searchable, kind by kind: its words (as people read them), who may see it, and where it lives.

Each source reads plain records (`.values()` of the paths it names) rather than model instances: the same
records serve a save, the page of results and a rebuild of a million rows, several times faster than models.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q
from django.urls import reverse

from prasan.coordination.models import Channel
from prasan.correspondence.models import Register
from prasan.matters.choices import secrecy_of_mark
from prasan.thai.dates import thai_date

from .models import Kind

CHANNELS = dict(Channel.choices)
REGISTERS = dict(Register.choices)
Record = dict


@dataclass(frozen=True)
class Words:
    reference: str  # a number people quote: the matter's number, the register's number, a file name
    title: str
    body: str


@dataclass(frozen=True)
class Source:
    kind: str
    model: str  # "app_label.Model"
    date: str  # the field that says when it happened (recency, date filter)
    fields: tuple[str, ...]  # the paths words(), scope() and url() read
    words: Callable[[Record], Words]
    scope: Callable[[Record], dict]
    url: Callable[[Record], str]
    indexed: Q = field(default_factory=Q)  # which rows are searchable at all

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def records(self, pks: Iterable[int] | None = None):
        qs = self.model_class._default_manager.filter(self.indexed)
        if pks is not None:
            qs = qs.filter(pk__in=list(pks))
        return qs.values("pk", self.date, *self.fields)


def _lines(*parts) -> str:
    return "\n".join(str(p) for p in parts if p)


def _number(r: Record, prefix: str = "") -> str:
    """Matter.number, from a record."""
    return f"{r[prefix + 'office__abbreviation']} {r[prefix + 'seq']}/{r[prefix + 'year']}"


MATTER_PART_FIELDS = ("matter_id", "matter__office__abbreviation", "matter__seq", "matter__year",
                      "matter__secrecy", "matter__state", "matter__duty_type")


def _part_scope(r: Record) -> dict:
    """Anything of a matter is as secret as its matter, and filtered by the matter's state and duty type."""
    if r["matter_id"] is None:
        return {"matter_id": None, "secrecy": 0, "need_to_know": False, "state": "", "duty_type": ""}
    return {"matter_id": r["matter_id"], "secrecy": r["matter__secrecy"], "need_to_know": r["matter__secrecy"] > 0,
            "state": r["matter__state"], "duty_type": r["matter__duty_type"]}


def _matter_url(r: Record, anchor: str = "") -> str:
    return reverse("matter-detail", args=[r["matter_id"]]) + anchor


# -- matters and what hangs on them --------------------------------------------------------------

MATTER = Source(
    kind=Kind.MATTER, model="matters.Matter", date="created_at",
    fields=("office__abbreviation", "seq", "year", "title", "description", "tags", "secrecy", "state",
            "duty_type"),
    words=lambda r: Words(_number(r), r["title"], _lines(r["description"], r["tags"])),
    scope=lambda r: {"matter_id": r["pk"], "secrecy": r["secrecy"], "need_to_know": r["secrecy"] > 0,
                     "state": r["state"], "duty_type": r["duty_type"]},
    url=lambda r: reverse("matter-detail", args=[r["pk"]]),
)


def _activity_words(r: Record) -> Words:
    who = " · ".join(p for p in (CHANNELS.get(r["channel"], r["channel"]), r["agency__name"], r["counterpart"]) if p)
    return Words(_number(r, "matter__"), who, _lines(r["summary"], r["outcome"]))


ACTIVITY = Source(
    kind=Kind.ACTIVITY, model="coordination.Activity", date="occurred_at",
    fields=(*MATTER_PART_FIELDS, "channel", "agency__name", "counterpart", "summary", "outcome"),
    words=_activity_words, scope=_part_scope, url=_matter_url,
)

ANSWER = Source(
    kind=Kind.ANSWER, model="coordination.AgencyRequest", date="created_at",
    fields=(*MATTER_PART_FIELDS, "agency__name", "answer", "answered_by_name", "deliverable"),
    words=lambda r: Words(_number(r, "matter__"), f"คำตอบจาก {r['agency__name']}",
                          _lines(r["answer"], r["answered_by_name"] and f"ผู้ตอบ {r['answered_by_name']}",
                                 f"เรื่องที่ขอ: {r['deliverable']}")),
    scope=_part_scope,
    url=lambda r: _matter_url(r, f"#request-{r['pk']}"),
    indexed=~Q(answer=""),
)


def _written(value) -> str:
    """Every piece of text a person wrote into a document's form, in the form's order."""
    if isinstance(value, dict):
        return _lines(*(_written(v) for v in value.values()))
    if isinstance(value, list | tuple):
        return _lines(*(_written(v) for v in value))
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return _be_date(value)
    return value if isinstance(value, str) else ""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _be_date(value: str) -> str:
    """A document's ISO date as people write and search it: `7 ธันวาคม 2569`, not `2026-12-07`."""
    try:
        return thai_date(dt.date.fromisoformat(value), thai_digits=False)
    except ValueError:
        return value


def _unnamed(r) -> dict:
    """A document's fields as indexed: a letter on a complaint may be addressed to the complainant by name, and
    the index is read by everyone, so its addressee is left out (complaints.masking)."""
    if r["matter__duty_type"] != "complaint":
        return r["fields"]
    return {key: value for key, value in (r["fields"] or {}).items() if key != "to"}


DOCUMENT = Source(
    kind=Kind.DOCUMENT, model="documents.Document", date="created_at",
    fields=(*MATTER_PART_FIELDS, "title", "fields"),
    words=lambda r: Words(_number(r, "matter__"), r["title"], _written(_unnamed(r))),
    scope=_part_scope,
    url=lambda r: reverse("document-detail", args=[r["pk"]]),
)

# -- registers and letters -------------------------------------------------------------------------


def _entry_words(r: Record) -> Words:
    head = f"{REGISTERS.get(r['register'], r['register'])} {r['number']}/{r['year']}"
    body = _lines(r["sender"] and f"จาก {r['sender']}", r["recipient"] and f"ถึง {r['recipient']}", r["action"],
                  r["remark"])
    return Words(head, " ".join(p for p in (r["doc_number"], r["subject"]) if p), body)


def _entry_scope(r: Record) -> dict:
    scope = _part_scope(r)
    secret_register = 1 if r["register"] == Register.SECRET else 0
    scope["secrecy"] = max(r["secrecy"], secret_register, scope["secrecy"])
    return scope


ENTRY = Source(
    kind=Kind.ENTRY, model="correspondence.RegisterEntry", date="registered_at",
    fields=(*MATTER_PART_FIELDS, "register", "number", "year", "doc_number", "subject", "sender", "recipient",
            "action", "remark", "secrecy"),
    words=_entry_words, scope=_entry_scope,
    url=lambda r: reverse("register-entry", args=[r["register"], r["pk"]]),
)



def _letter_words(r: Record) -> Words:
    parsed = r["fields"] or {}
    title = " ".join(str(parsed.get(k) or "") for k in ("doc_number", "subject")).strip() or r["name"]
    return Words(r["name"], title, _lines(parsed.get("from_agency"), r["text"]))


LETTER = Source(
    kind=Kind.LETTER, model="correspondence.LetterIntake", date="created_at",
    fields=("name", "fields", "text", "created_by_id"),
    words=_letter_words,
    scope=lambda r: {"matter_id": None, "secrecy": secrecy_of_mark((r["fields"] or {}).get("secrecy")),
                     "need_to_know": False, "owner_id": r["created_by_id"], "state": "", "duty_type": ""},
    url=lambda r: reverse("intake-detail", args=[r["pk"]]),
)

# Things that belong to a matter: their scope follows the matter's secrecy, state and duty type.
MATTER_PARTS = (ACTIVITY, ANSWER, DOCUMENT, ENTRY)


def installed() -> list[Source]:
    """Every source whose app is part of this deployment (documents arrive with their app)."""
    return [s for s in (MATTER, ACTIVITY, ANSWER, DOCUMENT, ENTRY, LETTER)
            if apps.is_installed("prasan." + s.model.split(".")[0])]


def by_kind() -> dict[str, Source]:
    return {s.kind: s for s in installed()}
