"""Recording and working parliament items: each with its matter, its due date by rule, its status history, audited.

`create_item` is the one way an item comes to be (the pages, the API, letter intake, the demo), so every
item has a matter of duty type `parliament` that coordination, agency requests, documents and tracking
work on as on any matter.
"""

import datetime as dt

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters.choices import DutyType, Source
from prasan.matters.models import Matter, Transition
from prasan.tracking.calendar import WorkingCalendar

from . import deadlines, statuses
from .choices import ItemKind, Status
from .models import Attendee, Delegation, Item, Session, StatusChange

# The names `prasan extract` gives a parliament letter's fields, as the item's own fields.
ALIASES = {"asker": "asker_name", "answer_by": "letter_deadline", "place": "room"}
# Set by the services themselves, never from outside.
MANAGED = frozenset({"id", "office", "matter", "kind", "status", "number_key", "due_on", "due_basis",
                     "postponements", "answered_on", "created_by", "created_at", "updated_at"})
# What a caller may say about the matter created with the item.
MATTER_FIELDS = frozenset({"secrecy", "urgency", "owner_unit", "assignees", "description", "tags"})


def _item_fields(fields: dict) -> tuple[dict, list, list]:
    """The item's own values, its delegation chain and its attendees; an unknown name is a Thai error."""
    values, errors = {}, {}
    delegations = list(fields.get("delegations") or [])
    attendees = list(fields.get("attendees") or [])
    for name, value in fields.items():
        if name in ("delegations", "attendees"):
            continue
        name = ALIASES.get(name, name)
        try:
            field = Item._meta.get_field(name)
        except FieldDoesNotExist:
            errors[name] = "ไม่รู้จักช่องนี้"
            continue
        if name in MANAGED or not field.concrete:
            errors[name] = "ช่องนี้ระบบกำหนดเอง"
            continue
        values[field.attname if name == "session" and not isinstance(value, Session) else name] = (
            "" if value is None and not field.null else value)
    if errors:
        raise ValidationError(errors)
    return values, delegations, attendees


def _check_kind(kind: str) -> None:
    if kind not in ItemKind.values:
        raise ValidationError({"kind": f"ไม่รู้จักประเภท “{kind}” (ใช้ได้: {', '.join(ItemKind.values)})"})


def create_item(*, office, by, kind: str, fields: dict, matter: Matter | None = None,
                matter_fields: dict | None = None) -> Item:
    """A new item of `kind` with `fields` (the Item's field names; also `delegations` — dicts of
    delegated_to, delegated_on, note — and `attendees` — dicts of name, position, user, agency — and the
    extract names asker, answer_by, place), tied to `matter`, or to a new parliament matter numbered and
    logged as any other (`matter_fields`: secrecy, urgency, owner_unit, assignees, description, tags).

    Raises django's ValidationError with Thai messages by field; nothing is saved then."""
    _check_kind(kind)
    values, delegations, attendees = _item_fields(fields)
    values.setdefault("received_on", timezone.localdate())
    item = Item(office=office, kind=kind, created_by=by, **values)
    if item.session_id is None:
        item.session = session_for(item.received_on)
    item.full_clean(exclude=["matter"])
    calendar = WorkingCalendar()
    item.due_on, item.due_basis = deadlines.due(item, calendar=calendar)
    extra = dict(matter_fields or {})
    unknown = set(extra) - MATTER_FIELDS
    if unknown:
        raise ValidationError({name: "ไม่รู้จักช่องนี้ของเรื่อง" for name in sorted(unknown)})
    with transaction.atomic():
        if matter is None:
            matter = _new_matter(item, office=office, by=by, calendar=calendar, **extra)
        elif Item.objects.filter(matter=matter).exists():
            raise ValidationError({"matter": f"เรื่อง {matter.number} มีงานรัฐสภาผูกไว้แล้ว"})
        item.matter = matter
        item.save()
        StatusChange.objects.create(item=item, by=by, from_status="", to_status=item.status,
                                    note=f"รับ{item.get_kind_display()}")
        for link in delegations:
            _add_delegation(item, link)
        for person in attendees:
            _add_attendee(item, person)
        record(by, "parliament_item.create", item, matter=matter.pk, kind=kind, number=item.number,
               due_on=item.due_on)
    return item


def session_for(received) -> Session | None:
    """The session an item came in (its sitting must then fall within it); None if the date is unreadable."""
    try:
        day = Item._meta.get_field("received_on").to_python(received)
    except ValidationError:
        return None
    return Session.on(day) if day else None


def _new_matter(item: Item, *, office, by, calendar, assignees=None, owner_unit=None, **extra) -> Matter:
    from prasan.accounts.models import Role

    external, internal = deadlines.matter_deadlines(item.due_on, timezone.localdate(), calendar=calendar)
    if assignees is None:
        assignees = [by] if getattr(by, "role", None) == Role.COORDINATOR else []
    return Matter.create(
        by=by, office=office, title=item.matter_title(), duty_type=DutyType.PARLIAMENT, source=Source.PARLIAMENT,
        owner_unit=owner_unit if owner_unit is not None else getattr(by, "unit", None),
        external_deadline=external, internal_deadline=internal, assignees=assignees, **extra,
    )


def _add_delegation(item: Item, link: dict) -> Delegation:
    delegation = Delegation(item=item, delegated_to=link.get("delegated_to", ""),
                            delegated_on=link.get("delegated_on"), note=link.get("note", ""))
    delegation.full_clean(exclude=["item"])
    delegation.save()
    return delegation


def _add_attendee(item: Item, person: dict) -> Attendee:
    attendee = Attendee(item=item, **{k: person[k] for k in ("name", "position", "user", "agency") if k in person})
    if attendee.user_id and not attendee.name:
        attendee.name = attendee.user.display_name
    attendee.full_clean(exclude=["item"])
    attendee.save()
    return attendee


def _snapshot(item: Item) -> dict:
    return {f.name: f.value_to_string(item) for f in Item._meta.concrete_fields
            if f.name not in ("updated_at", "number_key")}


def update_item(item: Item, *, by, fields: dict) -> dict:
    """Change the item's particulars (not its kind or status); the due date and the matter's deadlines
    follow. Returns the changes {field: {from, to}}; audited. Raises ValidationError (Thai, by field)."""
    values, delegations, attendees = _item_fields(fields)
    before = _snapshot(item)
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean(exclude=["matter"])
    return _save_changes(item, by=by, before=before, action="parliament_item.edit")


def _save_changes(item: Item, *, by, before: dict, action: str, **data) -> dict:
    calendar = WorkingCalendar()
    item.due_on, item.due_basis = deadlines.due(item, calendar=calendar)
    with transaction.atomic():
        item.save()
        after = _snapshot(item)
        changes = {k: {"from": before[k], "to": after[k]} for k in after if after[k] != before[k]}
        if "due_on" in changes:
            _move_matter_deadlines(item, by=by, calendar=calendar)
        if changes or data:
            record(by, action, item, changes=changes, **data)
    return changes


def _move_matter_deadlines(item: Item, *, by, calendar) -> None:
    matter = item.matter
    external, internal = deadlines.matter_deadlines(item.due_on, timezone.localdate(), calendar=calendar)
    if (matter.external_deadline, matter.internal_deadline) == (external, internal) or not matter.is_open:
        return
    old = matter.external_deadline
    matter.external_deadline, matter.internal_deadline = external, internal
    matter.save(update_fields=["external_deadline", "internal_deadline", "updated_at"])
    message = f"กำหนดส่งตาม{item.label}: {item.due_basis}"
    Transition.objects.create(matter=matter, by=by, event="deadline_changed", from_state=matter.state,
                              to_state=matter.state, message=message)
    record(by, "matter.deadline_changed", matter, changes={"external_deadline": {"from": old, "to": external}},
           message=message)


def change_status(item: Item, *, by, to: str, note: str = "", new_date: dt.date | None = None) -> StatusChange:
    """Move the item along its path (statuses.MOVES); a postponement counts and moves the sitting date.
    Raises statuses.StatusRefused (Thai) when the move is not allowed now or lacks its new date."""
    statuses.check(item.status, to, new_date=new_date)
    before = _snapshot(item)
    if to == Status.POSTPONED:
        if item.received_on and new_date < item.received_on:
            raise statuses.StatusRefused("วันประชุม/วันตอบใหม่ต้องไม่อยู่ก่อนวันรับเรื่อง")
        item.postponements += 1
        item.sitting_on = new_date
    if to == Status.ANSWERED:
        item.answered_on = item.answer_sent_on or timezone.localdate()
    previous, item.status = item.status, to
    with transaction.atomic():
        change = StatusChange.objects.create(item=item, by=by, from_status=previous, to_status=to, note=note,
                                             new_date=new_date if to == Status.POSTPONED else None)
        _save_changes(item, by=by, before=before, action="parliament_item.status", status_from=previous,
                      status_to=to, note=note)
    return change
