"""Keeping the open-work table exact, inside the transaction of the change that moves it.

Three hooks see every change an open-work row depends on:
- a matter saved (workflow events, edits, deadline moves, imports): Matter.save is atomic, so post_save runs in
  the save's transaction;
- a queryset update of matters (demo, bench, bulk_update): MatterQuerySet.update sends matters_updated with the
  matters' ids, in its transaction;
- assignments changed through the relation (add, remove, set, clear, from either side): m2m_changed, inside the
  relation's own transaction.
Deleting a matter or a person deletes their rows by the foreign keys' cascade. Rows written straight into the
assignments table (bulk_create, as the bench generator does) send nothing: such code calls building.fill or sync.
"""

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_save

from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter, matters_updated

from .models import URGENCY_RANK, OpenWork

# The matter's fields a row is made of; a save that names none of them changes no row.
WATCHED = frozenset({"state", "internal_deadline", "urgency", "secrecy"})
CHUNK = 500  # matters per sync query, well within every database's limit on parameters
VALUES = ("state", "undated", "deadline", "urgency", "secrecy")


def row_values(state, deadline, urgency, secrecy) -> tuple:
    return (state, deadline is None, deadline, URGENCY_RANK[urgency], secrecy)


def sync(matter_ids: Iterable[int]) -> None:
    """The open-work rows of these matters made as their assignments and the matters are now: rows added for
    new open assignments, removed for closed matters and gone assignments, remade where a value moved."""
    ids = sorted(set(matter_ids))
    for start in range(0, len(ids), CHUNK):
        _sync(ids[start:start + CHUNK])


def _sync(ids: list[int]) -> None:
    through = Matter.assignees.through.objects.filter(matter_id__in=ids, matter__state__in=OPEN_STATES)
    wanted = {(person, matter): row_values(state, deadline, urgency, secrecy)
              for person, matter, state, deadline, urgency, secrecy in through.values_list(
                  "user_id", "matter_id", "matter__state", "matter__internal_deadline", "matter__urgency",
                  "matter__secrecy")}
    stale = []
    for pk, person, matter, *values in OpenWork.objects.filter(matter_id__in=ids).values_list(
            "pk", "person_id", "matter_id", *VALUES):
        if wanted.get((person, matter)) == tuple(values):
            del wanted[(person, matter)]  # already right
        else:
            stale.append(pk)
    if stale:
        OpenWork.objects.filter(pk__in=stale).delete()
    if wanted:
        OpenWork.objects.bulk_create([OpenWork(person_id=person, matter_id=matter, **dict(zip(VALUES, values, strict=True)))
                                      for (person, matter), values in wanted.items()])


def _matter_saved(sender, instance, created, update_fields, raw=False, **kwargs):
    if created and not raw:
        return  # nobody is assigned a matter before it exists (Matter.create sets its assignees after)
    if update_fields is not None and not WATCHED.intersection(update_fields):
        return
    sync([instance.pk])


def _matters_updated(sender, pks, fields, **kwargs):
    if WATCHED.intersection(fields):
        sync(pks)


def _assignees_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "post_add" and pk_set:
        sync(pk_set if reverse else [instance.pk])
    elif action == "post_remove" and pk_set:
        mine = {"person_id": instance.pk, "matter_id__in": pk_set} if reverse else \
            {"matter_id": instance.pk, "person_id__in": pk_set}
        OpenWork.objects.filter(**mine).delete()
    elif action == "post_clear":
        OpenWork.objects.filter(**{"person_id" if reverse else "matter_id": instance.pk}).delete()


def connect() -> None:
    post_save.connect(_matter_saved, sender=Matter, weak=False, dispatch_uid="openwork-matter-saved")
    matters_updated.connect(_matters_updated, sender=Matter, weak=False, dispatch_uid="openwork-matters-updated")
    m2m_changed.connect(_assignees_changed, sender=Matter.assignees.through, weak=False,
                        dispatch_uid="openwork-assignees")
