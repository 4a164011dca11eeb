"""Who answers and who attends: the item's delegation chain (PM → minister → deputy) and its attendees, each
link added, corrected or taken out by whoever may change the item, every change audited with what it was.

An attendee of the office taken out drops the meeting from that person's calendar feed (the feed reads the
attendees as they are), so nobody goes to a meeting they were taken off.
"""

from django.db import transaction

from prasan.audit.models import record
from prasan.thai.dates import shown_date

from .models import Attendee, Delegation, Item


def snapshot(delegation: Delegation) -> dict:
    """A link as it reads now, to compare a correction with."""
    return {"delegated_to": delegation.delegated_to, "delegated_on": delegation.delegated_on.isoformat(),
            "note": delegation.note}


def add_delegation(item: Item, *, by, delegation: Delegation) -> Delegation:
    """`delegation`: a validated, unsaved link of `item`'s chain."""
    with transaction.atomic():
        delegation.item = item
        delegation.save()
        record(by, "parliament_item.delegate", item, delegated_to=delegation.delegated_to,
               delegated_on=delegation.delegated_on)
    return delegation


def change_delegation(item: Item, *, by, delegation: Delegation, before: dict) -> dict:
    """Save a corrected link (validated by its form); `before` is `snapshot` of the stored row. Returns the
    changes {field: {from, to}}; nothing is recorded when nothing changed."""
    after = snapshot(delegation)
    changes = {k: {"from": before[k], "to": after[k]} for k in after if after[k] != before[k]}
    if changes:
        with transaction.atomic():
            delegation.save()
            record(by, "parliament_item.delegation_edit", item, delegation=delegation.pk, changes=changes)
    return changes


def remove_delegation(item: Item, *, by, delegation: Delegation) -> str:
    """Take a link out of the chain; returns how it read (for the page's message). Audited with its values."""
    said = f"มอบให้ {delegation.delegated_to} เมื่อ {shown_date(delegation.delegated_on)}"
    with transaction.atomic():
        record(by, "parliament_item.delegation_remove", item, delegation=delegation.pk, **snapshot(delegation))
        delegation.delete()
    return said


def add_attendee(item: Item, *, by, attendee: Attendee) -> Attendee:
    with transaction.atomic():
        attendee.item = item
        attendee.save()
        record(by, "parliament_item.attendee", item, name=attendee.name, user=attendee.user_id,
               agency=attendee.agency_id)
    return attendee


def remove_attendee(item: Item, *, by, attendee: Attendee) -> str:
    """Take someone off the list of attendees; returns the name. Audited with who it was."""
    name = attendee.name
    with transaction.atomic():
        record(by, "parliament_item.attendee_remove", item, attendee=attendee.pk, name=name,
               position=attendee.position, user=attendee.user_id, agency=attendee.agency_id)
        attendee.delete()
    return name
