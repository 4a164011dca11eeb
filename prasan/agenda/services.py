"""Entering, changing and moving the minister's engagements, every change audited.

`create_item` is the one way an item comes to be (the pages, the API, the demo): it makes the item's facilitation
matter with Matter.create (kind facilitation, duty "other assigned work" — the seed's facilitation of the minister's
mission: protocol, dress, appointment times), numbered and logged as any other, so its coordination log, agency
requests, documents and tracking work as on any matter. `change_status` is the one way the status moves: a table
of what may follow what, its guards, an append-only AgendaTransition and an audit record, and the matter carried
along (started when the engagement is taken on, closed when it is declined, cancelled or done).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.matters.choices import OPEN_STATES, DutyType, Kind, Source, State
from prasan.matters.models import Matter
from prasan.model_values import own_values
from prasan.tracking.calendar import WorkingCalendar

from .choices import ATTENDED, AgendaStatus
from .models import AgendaItem, AgendaTransition

S = AgendaStatus
# What may follow what. The minister may still go after a deputy was named (delegated → accepted), or send one
# after all (accepted/prepared → delegated); a settled item (declined, done, cancelled) stays settled.
NEXT: dict[str, frozenset] = {
    S.INVITED: frozenset({S.ACCEPTED, S.DECLINED, S.DELEGATED, S.CANCELLED}),
    S.ACCEPTED: frozenset({S.PREPARED, S.DELEGATED, S.DECLINED, S.DONE, S.CANCELLED}),
    S.DELEGATED: frozenset({S.ACCEPTED, S.PREPARED, S.DONE, S.CANCELLED}),
    S.PREPARED: frozenset({S.DONE, S.DELEGATED, S.CANCELLED}),
}
# The label of the action that leads to each status, for buttons and refusals.
ACTION_LABELS = {S.ACCEPTED: "ตอบรับ", S.DECLINED: "ปฏิเสธ", S.DELEGATED: "มอบหมายผู้แทน",
                 S.PREPARED: "เตรียมการพร้อม", S.DONE: "บันทึกว่าเสร็จสิ้น", S.CANCELLED: "ยกเลิกกำหนดการ"}
# Where the item's matter is closed, with the result written on it.
CLOSING = {S.DECLINED: "ตอบปฏิเสธคำเชิญ", S.CANCELLED: "ยกเลิกกำหนดการ", S.DONE: "ภารกิจเสร็จสิ้น"}
INITIAL = frozenset({S.INVITED, S.ACCEPTED})

# Set by the services themselves, never from outside.
MANAGED = frozenset({"id", "office", "matter", "status", "delegated_to", "created_by", "created_at", "updated_at",
                     "linked_matters"})
MATTER_FIELDS = frozenset({"secrecy", "urgency", "owner_unit", "assignees", "source"})


class AgendaError(Exception):
    """A refusal with a Thai sentence; `status` is the HTTP status the API answers with."""

    status = 409


class WrongStatus(AgendaError):
    status = 409


class GuardFailed(AgendaError):
    status = 422


def _snapshot(item) -> dict:
    return {f.name: f.value_to_string(item) for f in AgendaItem._meta.concrete_fields if f.name != "updated_at"}


def deadlines(day: dt.date) -> tuple:
    """(external, internal) for the facilitation matter of an engagement on `day`: ready by the day, the office's
    own target the working day before (not before today); none for an engagement already past."""
    today = timezone.localdate()
    if day < today:
        return None, None
    return day, max(WorkingCalendar().add_working_days(day, -1), today)


def matter_title(item: AgendaItem) -> str:
    return f"อำนวยความสะดวกภารกิจรัฐมนตรี ({item.get_kind_display()}): {item.title}"[:500]


def _new_matter(item: AgendaItem, *, by, secrecy=0, urgency="normal", owner_unit=None, assignees=None,
                source=None) -> Matter:
    external, internal = deadlines(timezone.localtime(item.starts_at).date())
    if assignees is None:
        assignees = [by] if getattr(by, "role", None) == Role.COORDINATOR else []
    if source is None:  # an invitation comes as a letter; the minister's own appointment is told to the office
        source = Source.INCOMING_LETTER if (item.invited_by or item.invited_by_agency_id) else Source.VERBAL_COMMAND
    where = f" ณ {item.place}" if item.place else ""
    return Matter.create(
        by=by, office=item.office, title=matter_title(item), duty_type=DutyType.OTHER, kind=Kind.FACILITATION,
        source=source, secrecy=secrecy, urgency=urgency,
        owner_unit=owner_unit if owner_unit is not None else getattr(by, "unit", None),
        description=f"{item.get_kind_display()} {item.title}{where}", external_deadline=external,
        internal_deadline=internal, assignees=assignees,
    )


def create_item(*, office, by, fields: dict, matter_fields: dict | None = None, linked=(),
                status: str = S.INVITED) -> AgendaItem:
    """A new engagement (kind, title, starts_at, ends_at, place, invited_by, invited_by_agency, programme, dress,
    entourage, transport, note) with its new facilitation matter (`matter_fields`: secrecy, urgency, owner_unit,
    assignees, source), linked to `linked` matters (ones the caller has checked the user may see). `status` is
    invited, or accepted for the minister's own appointment. Raises ValidationError (Thai, by field); nothing is
    saved then."""
    if status not in INITIAL:
        raise ValidationError({"status": "กำหนดการใหม่ต้องมีสถานะ “ได้รับเชิญ” หรือ “ตอบรับ”"})
    item = AgendaItem(office=office, created_by=by, status=status, **own_values(AgendaItem, fields, MANAGED))
    item.full_clean(exclude=["matter"])
    extra = dict(matter_fields or {})
    unknown = set(extra) - MATTER_FIELDS
    if unknown:
        raise ValidationError({name: "ไม่รู้จักช่องนี้ของเรื่อง" for name in sorted(unknown)})
    with transaction.atomic():
        item.matter = _new_matter(item, by=by, **extra)
        item.save()
        if linked:
            item.linked_matters.set(linked)
        AgendaTransition.objects.create(item=item, by=by, from_status="", to_status=status)
        if status == S.ACCEPTED:
            _carry_matter(item.matter, status, by=by, note="")
        record(by, "agenda.create", item, matter=item.matter.pk, kind=item.kind, status=status,
               starts_at=item.starts_at, ends_at=item.ends_at)
    return item


def update_item(item: AgendaItem, *, by, fields: dict, linked=None) -> dict:
    """Change the item's particulars (not its status or matter); `linked`, if given, replaces the linked matters.
    Moved to another day, its matter's deadlines follow where they were the engagement's (_deadlines_follow).
    Returns the changes, audited."""
    before = _snapshot(item)
    day = timezone.localtime(item.starts_at).date()
    for name, value in own_values(AgendaItem, fields, MANAGED).items():
        setattr(item, name, value)
    item.full_clean(exclude=["matter"])
    with transaction.atomic():
        item.save()
        after = _snapshot(item)
        changes = {k: {"from": before[k], "to": after[k]} for k in after if after[k] != before[k]}
        moved = _deadlines_follow(item, day)
        if moved:
            changes["matter_deadlines"] = moved
        if linked is not None:
            old = set(item.linked_matters.values_list("pk", flat=True))
            new = {m.pk for m in linked}
            if old != new:
                item.linked_matters.set(linked)
                changes["linked_matters"] = {"from": sorted(old), "to": sorted(new)}
        if changes:
            record(by, "agenda.edit", item, changes=changes)
    return changes


def _deadlines_follow(item: AgendaItem, day: dt.date) -> dict:
    """Move the facilitation matter's deadlines with the engagement from `day` to its new day, each only while it
    is still the one the engagement gave it (deadlines(): the day itself; the working day before, or the day when
    that had passed). A deadline someone set by hand stays, as do the deadlines of a closed matter and of the
    linked matters (theirs were never the engagement's). Returns the changes, for the engagement's audit record."""
    new_day = timezone.localtime(item.starts_at).date()
    matter = item.matter
    if new_day == day or matter.state not in OPEN_STATES:
        return {}
    external, internal = deadlines(new_day)
    given = {"external_deadline": {day}, "internal_deadline": {WorkingCalendar().add_working_days(day, -1), day}}
    values = {"external_deadline": external, "internal_deadline": internal}
    follow = {name: values[name] for name, was in given.items() if getattr(matter, name) in was}
    if not follow:
        return {}
    kept = follow.get("external_deadline", matter.external_deadline)
    if "internal_deadline" in follow and kept and follow["internal_deadline"] and follow["internal_deadline"] > kept:
        follow["internal_deadline"] = kept  # the office's own target is never after what it owes
    changes = {name: {"from": getattr(matter, name).isoformat(), "to": value.isoformat() if value else None}
               for name, value in follow.items() if getattr(matter, name) != value}
    for name, value in follow.items():
        setattr(matter, name, value)
    matter.save(update_fields=[*follow, "updated_at"])
    return changes


def next_statuses(item: AgendaItem, now=None) -> list[str]:
    """The statuses the item may move to now (done only once it has begun: check() would refuse it before)."""
    now = now or timezone.now()
    return [s for s in S.values if s in NEXT.get(item.status, ()) and (s != S.DONE or item.starts_at <= now)]


def check(item: AgendaItem, to: str, *, delegated_to: str = "", note: str = "", now=None) -> None:
    """Raise an AgendaError saying why the item may not move to `to` now."""
    now = now or timezone.now()
    if to not in S.values:
        raise WrongStatus("ไม่รู้จักสถานะนี้")
    if to not in NEXT.get(item.status, ()):
        raise WrongStatus(f"เปลี่ยนจาก “{S(item.status).label}” เป็น “{S(to).label}” ไม่ได้")
    if to == S.DELEGATED and not delegated_to.strip():
        raise GuardFailed("กรุณาระบุผู้รับมอบ (ผู้แทนรัฐมนตรี)")
    if to == S.PREPARED and not item.programme.strip():
        raise GuardFailed("ต้องบันทึกกำหนดการ (ลำดับพิธีการ) ก่อน จึงบันทึกว่าเตรียมการพร้อม")
    if to == S.DONE and item.starts_at > now:
        raise GuardFailed("ภารกิจยังไม่ถึงเวลา จึงบันทึกว่าเสร็จสิ้นไม่ได้")
    if to == S.CANCELLED and not note.strip():
        raise GuardFailed("กรุณาระบุเหตุผลที่ยกเลิก")


def change_status(item: AgendaItem, to: str, *, by, note: str = "", delegated_to: str = "",
                  open_requests: str = "") -> AgendaTransition:
    """Move the item to `to`: check, change, append the transition, carry the matter, audit — all or nothing.
    The matter's own refusals (matters.workflow: who may, open agency requests) come through unchanged."""
    note, delegated_to = (note or "").strip(), (delegated_to or "").strip()
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().select_related("matter__office").get(pk=item.pk)
        check(locked, to, delegated_to=delegated_to, note=note)
        before = locked.status
        locked.status = to
        if to == S.DELEGATED:
            locked.delegated_to = delegated_to
        elif to == S.ACCEPTED:
            locked.delegated_to = ""
        locked.save(update_fields=["status", "delegated_to", "updated_at"])
        _carry_matter(locked.matter, to, by=by, note=note, open_requests=open_requests,
                      delegated_to=locked.delegated_to)
        transition = AgendaTransition.objects.create(item=locked, by=by, from_status=before, to_status=to,
                                                     note=note)
        record(by, "agenda.status", locked, from_status=before, to_status=to, note=note,
               delegated_to=locked.delegated_to)
    item.status, item.delegated_to, item.matter = locked.status, locked.delegated_to, locked.matter
    return transition


def _carry_matter(matter: Matter, to: str, *, by, note: str, open_requests: str = "", delegated_to: str = ""):
    """The facilitation matter follows the engagement: started when it is taken on, closed with the result when it
    is declined, cancelled or done. A matter already moved on its own page (closed, transferred) is left alone."""
    if not matter.is_open:
        return
    if matter.state == State.RECEIVED:
        matter.fire("start", by=by)
    if to not in CLOSING:
        return
    if matter.state == State.AWAITING_AGENCIES:
        matter.fire("resume", by=by)
    if matter.state == State.COORDINATING:
        result = f"{CLOSING[to]}: {note}" if note else CLOSING[to]
        matter.fire("close", by=by, message=result, open_requests=open_requests)


# ---- clashes ----------------------------------------------------------------------------------------------

@dataclass
class Overlaps:
    """Other engagements the minister is expected at in the same time, among those the viewer may see. One they may
    not see is not mentioned, not even counted: its existence at that hour is itself what the secrecy keeps (the
    head of office and the minister, who see every item, are warned of it)."""

    shown: list

    def __bool__(self) -> bool:
        return bool(self.shown)

    @property
    def message(self) -> str:
        from prasan.thai.dates import time_range

        return "ช่วงเวลานี้ซ้อนกับ " + ", ".join(
            f"“{other.title}” ({time_range(other.starts_at, other.ends_at)})" for other in self.shown)


SHOWN = 10


def overlaps(*, office, starts_at, ends_at, user, exclude=None, status: str = S.INVITED) -> Overlaps:
    """The minister's other engagements within [starts_at, ends_at) that `user` may see: a warning, never a refusal
    (the office may well plan two things and decide later). An item he will not attend himself (delegated,
    declined, cancelled) clashes with nothing."""
    if status not in ATTENDED or not starts_at or not ends_at:
        return Overlaps([])
    # An appointment with no length still takes its moment.
    end = ends_at if ends_at > starts_at else starts_at + dt.timedelta(minutes=1)
    clashing = AgendaItem.objects.filter(office=office).attended().between(starts_at, end)
    if exclude is not None:
        clashing = clashing.exclude(pk=exclude)
    return Overlaps(list(clashing.visible_to(user).select_related("matter").order_by("starts_at", "id")[:SHOWN]))
