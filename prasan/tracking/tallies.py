"""The dashboards' counters: how many matters stand in each cell the dashboards add up, kept in the same transaction
as every change to a matter, so a dashboard reads a few hundred small rows instead of counting millions.

A matter counts in five kinds of cell, each keyed by its owner unit and secrecy (so a viewer's clearance and unit
are a filter on the counters, never a test per matter) and by one day:
- OPEN:     while open, by state, duty type and urgency (the breakdowns, and what awaits the minister);
- DEADLINE: while open, by internal deadline — overdue and "due within n working days" are ranges of days, so they
            stay exact as days pass with nothing written;
- AGE:      while open, by intake day (the ageing buckets are ranges of intake days);
- INTAKE:   always, by intake day (the weekly intake);
- CLOSED:   while closed, by the day it was closed (the weekly closures).
Days are the office's local dates, as LocalDate and the dashboards' start_of reckon them.

Every save of a matter goes through Matter.save (atomic), whose pre_save reads the row as it is in the database,
locked, and whose post_save moves the matter's counts from its old cells to its new ones in one upsert
(`n = n + delta`, safe under concurrency on PostgreSQL and SQLite); a delete takes them away; a queryset.update()
is followed through MatterQuerySet's matters_updating (the rows before, then after). `rebuild()` recounts everything (the data
migration, the bench generator); `differences()` says where the counters and a fresh count disagree.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db import connection, models, transaction
from django.db.models import Count, Q
from django.db.models.signals import post_save, pre_delete, pre_save
from django.utils import timezone

from prasan.matters.choices import OPEN_STATES, State

from . import generations
from .local_date import LocalDate

OPEN, DEADLINE, AGE, INTAKE, CLOSED = "open", "deadline", "age", "intake", "closed"
NO_DAY = dt.date(1, 1, 1)  # a cell without a day (OPEN), or a matter without an internal deadline
FIELDS = ("state", "owner_unit_id", "duty_type", "urgency", "secrecy", "internal_deadline", "created_at", "closed_at")
# The model's field names, as a save's update_fields gives them.
WATCHED = {"state", "owner_unit", "owner_unit_id", "duty_type", "urgency", "secrecy", "internal_deadline",
           "created_at", "closed_at"}
KEY = ("kind", "day", "unit_id", "secrecy", "state", "duty_type", "urgency")


class Tally(models.Model):
    """How many matters stand in one cell (see the module's docstring). unit_id 0 is "no unit"; the text columns
    are '' where the kind does not key by them."""

    kind = models.CharField(max_length=10)
    day = models.DateField()
    unit_id = models.IntegerField()  # not a key to Unit: a unit removed keeps its history's counts
    secrecy = models.SmallIntegerField()
    state = models.CharField(max_length=20)
    duty_type = models.CharField(max_length=30)
    urgency = models.CharField(max_length=20)
    n = models.IntegerField(default=0)

    class Meta:
        app_label = "tracking"
        verbose_name = "ตัวนับของภาพรวม"
        verbose_name_plural = "ตัวนับของภาพรวม"
        # Kind and day first: a dashboard reads ranges of days of one kind.
        constraints = [models.UniqueConstraint(fields=list(KEY), name="tally_cell_unique")]


def local_day(moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else timezone.localtime(moment).date()


def cells(row: dict) -> list[tuple]:
    """The cells a matter (its FIELDS, as a dict) counts in."""
    unit, secrecy, state = row["owner_unit_id"] or 0, row["secrecy"], row["state"]
    intake = local_day(row["created_at"])
    found = [(INTAKE, intake, unit, secrecy, "", "", "")]
    if state in OPEN_STATES:
        found += [
            (OPEN, NO_DAY, unit, secrecy, state, row["duty_type"], row["urgency"]),
            (DEADLINE, row["internal_deadline"] or NO_DAY, unit, secrecy, "", "", ""),
            (AGE, intake, unit, secrecy, "", "", ""),
        ]
    elif state == State.CLOSED and row["closed_at"] is not None:
        found.append((CLOSED, local_day(row["closed_at"]), unit, secrecy, "", "", ""))
    return found


def moves(before: Iterable[dict], after: Iterable[dict]) -> Counter:
    """The change of each cell's count when rows `before` become rows `after` (zeros left out)."""
    delta: Counter = Counter()
    for row in before:
        delta.subtract(cells(row))
    for row in after:
        delta.update(cells(row))
    return Counter({cell: n for cell, n in delta.items() if n})


def add(delta: Counter) -> None:
    """Add `delta` to the counters: one INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n, which PostgreSQL
    and SQLite both run atomically per row, so concurrent changes to the same cell add up."""
    if not delta:
        return
    table = connection.ops.quote_name(Tally._meta.db_table)
    columns = ", ".join(KEY)
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(delta))
    params: list = []
    for (kind, day, unit, secrecy, state, duty_type, urgency), n in sorted(delta.items()):
        params += [kind, connection.ops.adapt_datefield_value(day), unit, secrecy, state, duty_type, urgency, n]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}, n) VALUES {values} "  # noqa: S608 (names are the model's own)
            f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n",
            params,
        )


# -- the hook: every save and delete of a matter ---------------------------------------------------


def _before_save(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) & WATCHED:
        instance._tally_before = None
        return
    if instance.pk is None:
        instance._tally_before = {}
        return
    # Locked, so two changes to the same matter are counted one after the other, each from the row it changed.
    instance._tally_before = sender.objects.select_for_update().filter(pk=instance.pk).values(*FIELDS).first() or {}


def _after_save(sender, instance, update_fields=None, **kwargs):
    before = getattr(instance, "_tally_before", None)
    if before is None:
        return
    instance._tally_before = None
    after = {name: getattr(instance, name) for name in FIELDS}
    if update_fields is not None and before:
        # Only these fields were written: the others are as the database holds them, whatever the instance says.
        written = {"owner_unit_id" if name == "owner_unit" else name for name in update_fields}
        after = {name: (after[name] if name in written else before[name]) for name in FIELDS}
    add(moves([before] if before else [], [after]))
    if before:
        _regrouped({instance.pk: before}, {instance.pk: after})


def _before_delete(sender, instance, **kwargs):
    row = sender.objects.filter(pk=instance.pk).values(*FIELDS).first()
    if row:
        add(moves([row], []))


def connect() -> None:
    from prasan.matters.models import Matter, matters_updating

    pre_save.connect(_before_save, sender=Matter, dispatch_uid="tracking-tally-before-save")
    post_save.connect(_after_save, sender=Matter, dispatch_uid="tracking-tally-after-save")
    pre_delete.connect(_before_delete, sender=Matter, dispatch_uid="tracking-tally-delete")
    matters_updating.connect(_before_update, sender=Matter, dispatch_uid="tracking-tally-update")


def _before_update(sender, pks, fields, **kwargs):
    """A queryset.update() of matters: the rows as they were, locked, and a call to count them again after it."""
    if not WATCHED & fields or not pks:
        return None
    before = {row.pop("pk"): row for row in sender.objects.select_for_update().filter(pk__in=pks).values("pk", *FIELDS)}

    def after():
        rows = {row.pop("pk"): row for row in sender.objects.filter(pk__in=pks).values("pk", *FIELDS)}
        add(moves(before.values(), rows.values()))
        _regrouped(before, rows)

    return after


def _regrouped(before: dict[int, dict], after: dict[int, dict]) -> None:
    """A matter moved to another unit or secrecy ({pk: FIELDS} before and after): its requests now count for
    another unit and other viewers in the late-agencies table (tracking.generations)."""
    def group(row):
        return row["owner_unit_id"], row["secrecy"]

    if any(pk in after and group(row) != group(after[pk]) for pk, row in before.items()):
        generations.bump(generations.REQUESTS)


# -- counting afresh --------------------------------------------------------------------------------


def counted(matter_model=None) -> Counter:
    """Every cell's count from the matters themselves: a handful of grouped queries over the table."""
    if matter_model is None:
        from prasan.matters.models import Matter as matter_model
    matters = matter_model.objects.order_by()
    open_states = list(OPEN_STATES)
    result: Counter = Counter()

    def grouped(kind, qs, day=None, fields=()):
        qs = qs.annotate(day=day) if day is not None else qs
        names = (["day"] if day is not None else []) + ["owner_unit_id", "secrecy", *fields]
        for row in qs.values(*names).annotate(n=Count("pk")):
            text = [row.get(name, "") for name in ("state", "duty_type", "urgency")]
            cell = (kind, row.get("day") or NO_DAY, row["owner_unit_id"] or 0, row["secrecy"], *text)
            result[cell] += row["n"]

    grouped(INTAKE, matters, LocalDate("created_at"))
    is_open = matters.filter(state__in=open_states)
    grouped(OPEN, is_open, fields=("state", "duty_type", "urgency"))
    grouped(DEADLINE, is_open, models.F("internal_deadline"))
    grouped(AGE, is_open, LocalDate("created_at"))
    grouped(CLOSED, matters.filter(state=State.CLOSED, closed_at__isnull=False), LocalDate("closed_at"))
    return result


def stored(tally_model=Tally) -> Counter:
    return Counter({tuple(row[:-1]): row[-1] for row in tally_model.objects.exclude(n=0).values_list(*KEY, "n")})


def differences() -> dict[tuple, tuple[int, int]]:
    """{cell: (kept, counted)} wherever the counters and a fresh count disagree."""
    kept, fresh = stored(), counted()
    return {cell: (kept.get(cell, 0), fresh.get(cell, 0)) for cell in set(kept) | set(fresh)
            if kept.get(cell, 0) != fresh.get(cell, 0)}


def rebuild(matter_model=None, tally_model=Tally, batch: int = 2000) -> int:
    """Replace every counter by a fresh count (in one transaction, with the matters locked out on PostgreSQL);
    returns the number of cells. For the data migration, the bench generator and `prasan tallies --rebuild`."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Nobody changes a matter between the count and the write: it would be counted and then lost.
            table = (matter_model or _matter())._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {connection.ops.quote_name(table)} IN SHARE MODE")
        fresh = counted(matter_model)
        tally_model.objects.all().delete()
        tally_model.objects.bulk_create(
            [tally_model(**dict(zip(KEY, cell, strict=True)), n=n) for cell, n in fresh.items() if n],
            batch_size=batch)
    return len(fresh)


def _matter():
    from prasan.matters.models import Matter

    return Matter


# -- reading ----------------------------------------------------------------------------------------


def day_range(lo: dt.date | None, hi: dt.date | None) -> Q:
    q = Q()
    if lo is not None:
        q &= Q(day__gte=lo)
    if hi is not None:
        q &= Q(day__lte=hi)
    return q


def in_range(day: dt.date, lo: dt.date | None, hi: dt.date | None) -> bool:
    return (lo is None or day >= lo) and (hi is None or day <= hi)
