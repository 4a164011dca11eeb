"""Recording cabinet meetings and their agenda items, each item with its matter, its resolution and the one
follow-up matter that resolution may start; every change audited.

`add_item` is the one way an agenda item comes to be (the pages, the API, the demo): a new item gets a matter of
duty type political_support made by Matter.create, numbered and logged as any other, so coordination, agency
requests, documents and tracking work on it as on any matter. `create_followup` is the one way a resolution's
follow-up matter (policy_followup) comes to be.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters.choices import DutyType, Source
from prasan.matters.models import Matter
from prasan.model_values import own_values
from prasan.tracking.calendar import WorkingCalendar

from .choices import AgendaSource, Location, MeetingStatus
from .models import AgendaItem, Meeting

# Set by the services themselves, never from outside.
MEETING_MANAGED = frozenset({"id", "office", "created_by", "created_at", "updated_at"})
ITEM_MANAGED = frozenset({"id", "meeting", "matter", "followup", "resolution", "resolved_on", "created_by",
                          "created_at", "updated_at"})
# What a caller may say about the matter created with the item.
MATTER_FIELDS = frozenset({"secrecy", "urgency", "owner_unit", "assignees", "description", "tags"})


class FollowupExists(Exception):
    """The resolution already has its follow-up matter: one action, one record."""

    def __init__(self, matter: Matter):
        self.matter = matter
        super().__init__(f"มติข้อนี้มีเรื่องติดตามแล้ว คือเรื่อง {matter.number}")


class NoResolution(Exception):
    def __init__(self):
        super().__init__("ยังไม่ได้บันทึกมติคณะรัฐมนตรี จึงสร้างเรื่องติดตามมติไม่ได้")


def _snapshot(obj, skip=("updated_at",)) -> dict:
    return {f.name: f.value_to_string(obj) for f in type(obj)._meta.concrete_fields if f.name not in skip}


def _changes(before: dict, after: dict) -> dict:
    return {k: {"from": before[k], "to": after[k]} for k in after if after[k] != before[k]}


# ---- meetings -------------------------------------------------------------------------------------------

def create_meeting(*, office, by, fields: dict) -> Meeting:
    """A new meeting (meets_at, number, location, province, venue, status, note). Raises ValidationError
    (Thai, by field); nothing is saved then."""
    meeting = Meeting(office=office, created_by=by, **own_values(Meeting, fields, MEETING_MANAGED))
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        record(by, "cabinet_meeting.create", meeting, meets_at=meeting.meets_at, place=meeting.place)
    return meeting


def update_meeting(meeting: Meeting, *, by, fields: dict) -> dict:
    """Change the meeting's particulars (held, cancelled, moved); returns the changes, audited."""
    before = _snapshot(meeting)
    for name, value in own_values(Meeting, fields, MEETING_MANAGED).items():
        setattr(meeting, name, value)
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        changes = _changes(before, _snapshot(meeting))
        if changes:
            record(by, "cabinet_meeting.edit", meeting, changes=changes)
    return changes


# ---- agenda items ---------------------------------------------------------------------------------------

def add_item(meeting: Meeting, *, by, fields: dict, matter: Matter | None = None,
             matter_fields: dict | None = None) -> AgendaItem:
    """An agenda item (order, subject, kind, source, letter_number, letter_date, summary, briefing_points) on
    `meeting`, tied to `matter` (one the caller has checked they may change) or to a new political_support
    matter (`matter_fields`: secrecy, urgency, owner_unit, assignees, description, tags), due the working day
    before the meeting. Raises ValidationError (Thai, by field); nothing is saved then."""
    item = AgendaItem(meeting=meeting, created_by=by, **own_values(AgendaItem, fields, ITEM_MANAGED))
    item.full_clean(exclude=["matter"])
    extra = dict(matter_fields or {})
    unknown = set(extra) - MATTER_FIELDS
    if unknown:
        raise ValidationError({name: "ไม่รู้จักช่องนี้ของเรื่อง" for name in sorted(unknown)})
    with transaction.atomic():
        if matter is None:
            matter = _new_matter(item, office=meeting.office, by=by, **extra)
        elif AgendaItem.objects.filter(meeting=meeting, matter=matter).exists():
            raise ValidationError({"matter": f"เรื่อง {matter.number} อยู่ในวาระของการประชุมนี้แล้ว"})
        item.matter = matter
        item.save()
        record(by, "cabinet_agenda.create", item, meeting=meeting.pk, matter=matter.pk, kind=item.kind,
               source=item.source)
    return item


def briefing_deadlines(day) -> tuple:
    """(external, internal) for a matter on the agenda of the meeting on `day`: the meeting, and the working day
    before it (the minister is briefed before the meeting); none for a meeting already past."""
    today = timezone.localdate()
    if day < today:
        return None, None
    return day, max(WorkingCalendar().add_working_days(day, -1), today)


def _new_matter(item: AgendaItem, *, office, by, assignees=None, owner_unit=None, **extra) -> Matter:
    from prasan.accounts.models import Role

    external, internal = briefing_deadlines(item.meeting.day)
    if assignees is None:
        assignees = [by] if getattr(by, "role", None) == Role.COORDINATOR else []
    # The cabinet is where it came from, whether an สลค. letter brought it or the office entered it.
    return Matter.create(
        by=by, office=office, title=item.matter_title(), duty_type=DutyType.POLITICAL_SUPPORT, source=Source.CABINET,
        owner_unit=owner_unit if owner_unit is not None else getattr(by, "unit", None),
        external_deadline=external, internal_deadline=internal, assignees=assignees, **extra,
    )


def meeting_for_day(office, day, *, by, at=None, province: str = "") -> Meeting:
    """The office's meeting on `day` (not a cancelled one), or a new scheduled one at `at` (09.00 unless said),
    off-site when a province is given: what a letter naming the meeting's day is filed under. Raises
    ValidationError (Thai, by field) for a province not known."""
    found = (Meeting.objects.filter(office=office, meets_at__date=day).exclude(status=MeetingStatus.CANCELLED)
             .order_by("meets_at", "id").first())
    if found is not None:
        return found
    moment = timezone.make_aware(dt.datetime.combine(day, at or dt.time(9, 0)))
    return create_meeting(office=office, by=by, fields={
        "meets_at": moment, "location": Location.OFFSITE if province else Location.GOVERNMENT_HOUSE,
        "province": province or ""})


def add_from_letter(matter: Matter, *, by, day, at=None, province: str = "", fields: dict) -> AgendaItem:
    """An สลค. letter's agenda item on the meeting of `day` (found or made), tied to the letter's `matter`; in the
    caller's transaction, so a refusal (ValidationError) leaves nothing, neither the meeting nor the item."""
    meeting = meeting_for_day(matter.office, day, by=by, at=at, province=province)
    return add_item(meeting, by=by, fields={**fields, "source": AgendaSource.SLK_LETTER}, matter=matter)


def update_item(item: AgendaItem, *, by, fields: dict) -> dict:
    """Change the item's particulars (not its matter, resolution or follow-up); audited."""
    before = _snapshot(item)
    for name, value in own_values(AgendaItem, fields, ITEM_MANAGED).items():
        setattr(item, name, value)
    item.full_clean(exclude=["matter"])
    with transaction.atomic():
        item.save()
        changes = _changes(before, _snapshot(item))
        if changes:
            record(by, "cabinet_agenda.edit", item, changes=changes)
    return changes


def record_resolution(item: AgendaItem, *, by, resolution: str, resolved_on) -> dict:
    """The cabinet's resolution (มติ ครม.) and its date; a correction is audited with what it replaced. A
    resolution means the meeting was held: a meeting still marked scheduled is marked held with it (one action,
    one record), audited."""
    before = _snapshot(item)
    item.resolution, item.resolved_on = (resolution or "").strip(), resolved_on
    errors = {}
    if not item.resolution:
        errors["resolution"] = "กรุณากรอกมติคณะรัฐมนตรี"
    if not resolved_on:
        errors["resolved_on"] = "กรุณากรอกวันที่มีมติ"
    if errors:
        raise ValidationError(errors)
    item.full_clean(exclude=["matter"])
    with transaction.atomic():
        item.save(update_fields=["resolution", "resolved_on", "updated_at"])
        changes = _changes(before, _snapshot(item))
        if changes:
            record(by, "cabinet_agenda.resolution", item, changes=changes)
        meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
        if meeting.status == MeetingStatus.SCHEDULED:
            meeting.status = MeetingStatus.HELD
            meeting.save(update_fields=["status", "updated_at"])
            record(by, "cabinet_meeting.edit", meeting, changes={"status": ["scheduled", "held"]})
    return changes


def _aim(due):
    """The office's own target, one working day before the external one (not before today)."""
    if due is None:
        return None
    return max(WorkingCalendar().add_working_days(due, -1), min(due, timezone.localdate()))


def create_followup(item: AgendaItem, *, by, due=None) -> Matter:
    """The resolution's follow-up matter (policy_followup, a child of the item's matter, as secret as it, in the
    same unit and with the same people; `due`: when the office must report, if the resolution sets it), made once: the item's row is locked, so a second press or a retried
    request finds it made and is refused with its number (FollowupExists). NoResolution before a resolution."""
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().select_related("matter__office", "meeting").get(pk=item.pk)
        if locked.followup_id:
            raise FollowupExists(Matter.objects.select_related("office").get(pk=locked.followup_id))
        if not locked.resolution.strip():
            raise NoResolution()
        source = locked.matter
        matter = Matter.create(
            by=by, office=source.office, title=locked.followup_title(), duty_type=DutyType.POLICY_FOLLOWUP,
            source=Source.CABINET, description=f"มติคณะรัฐมนตรี: {locked.resolution}", parent=source,
            secrecy=source.secrecy, urgency=source.urgency, owner_unit=source.owner_unit,
            assignees=list(source.assignees.all()), external_deadline=due, internal_deadline=_aim(due),
        )
        locked.followup = matter
        locked.save(update_fields=["followup", "updated_at"])
        record(by, "cabinet_agenda.followup", locked, followup=matter.pk, number=matter.number)
    item.followup = matter
    return matter
