"""The open-work table made from scratch, and compared with what it should be: one INSERT … SELECT over the open
matters and their assignments (for the bench generator, a restore, a repair), and the check behind
`prasan openwork check`.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter

from .keeping import VALUES, row_values
from .models import URGENCY_RANK, OpenWork


def fill(first_matter: int = 0) -> int:
    """Insert the rows of open matters numbered from `first_matter` on, which must have none yet (the bench
    generator's new matters, whose assignments it wrote in bulk); all of them on an empty table. Returns how many."""
    work = OpenWork._meta.db_table
    matters = Matter._meta.db_table
    assignees = Matter.assignees.through._meta.db_table
    states = sorted(OPEN_STATES)
    ranks = " ".join("WHEN %s THEN %s" for _ in URGENCY_RANK)
    sql = (f"INSERT INTO {work} (person_id, matter_id, state, undated, deadline, urgency, secrecy) "  # noqa: S608
           f"SELECT a.user_id, a.matter_id, m.state, m.internal_deadline IS NULL, m.internal_deadline, "
           f"CASE m.urgency {ranks} END, m.secrecy "
           f"FROM {assignees} a JOIN {matters} m ON m.id = a.matter_id "
           f"WHERE m.state IN ({', '.join(['%s'] * len(states))}) AND m.id >= %s")
    params = [value for pair in URGENCY_RANK.items() for value in pair] + states + [first_matter]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def rebuild() -> int:
    """Every row again, from the assignments and the matters, in one transaction."""
    with transaction.atomic():
        OpenWork.objects.all().delete()
        return fill()


@dataclass
class Differences:
    missing: list[tuple]  # (person, matter, values…) that should be there and are not, or differ
    extra: list[tuple]  # rows there that should not be, or differ
    rows: int  # rows there are

    @property
    def exact(self) -> bool:
        return not self.missing and not self.extra


def differences() -> Differences:
    """What the table holds against what the assignments and the matters say it should."""
    through = Matter.assignees.through.objects.filter(matter__state__in=OPEN_STATES).values_list(
        "user_id", "matter_id", "matter__state", "matter__internal_deadline", "matter__urgency", "matter__secrecy")
    wanted = {(person, matter, *row_values(*values)) for person, matter, *values in through.iterator(chunk_size=5000)}
    have = set(OpenWork.objects.values_list("person_id", "matter_id", *VALUES).iterator(chunk_size=5000))
    return Differences(missing=sorted(wanted - have, key=str), extra=sorted(have - wanted, key=str), rows=len(have))
