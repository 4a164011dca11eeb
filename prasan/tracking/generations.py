"""Generations: a number kept in the database that goes up, in the transaction of the change, whenever something a
kept result was counted from changes. A result is kept under the numbers it was counted at, so every process sees
the change at once and no one is shown a result counted before it.

Two are kept for the dashboards' late-agencies table (dashboards.late_agencies_kept):
- REQUESTS: a request to an agency saved, updated or deleted, or a matter moved to another unit or secrecy —
  what the table counts for everyone;
- VISIBILITY: who is assigned or shared a secret matter — what a viewer who may not see every matter has taken
  away.
"""

from django.db import connection, models
from django.db.models.signals import m2m_changed, post_delete, post_save

from prasan.matters.choices import Secrecy

REQUESTS, VISIBILITY = "requests", "visibility"


class Generation(models.Model):
    name = models.CharField(max_length=20, primary_key=True)
    n = models.BigIntegerField(default=0)

    class Meta:
        app_label = "tracking"
        verbose_name = "รุ่นของข้อมูลที่เก็บไว้"
        verbose_name_plural = "รุ่นของข้อมูลที่เก็บไว้"


def bump(name: str) -> None:
    """One upsert (n = n + 1), atomic per row on PostgreSQL and SQLite."""
    table = connection.ops.quote_name(Generation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (name, n) VALUES (%s, 1) "  # noqa: S608 (the model's own table)
            f"ON CONFLICT (name) DO UPDATE SET n = {table}.n + 1",
            [name],
        )


def current(*names: str) -> tuple[int, ...]:
    """The generations `names`, in that order, in one query (0 for one never bumped)."""
    found = dict(Generation.objects.filter(name__in=names).values_list("name", "n"))
    return tuple(found.get(name, 0) for name in names)


def _requests_changed(sender, **kwargs) -> None:
    bump(REQUESTS)


def _shared(sender, **kwargs) -> None:
    bump(VISIBILITY)


def _assignees_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Only a secret matter is hidden from anyone (a normal one is seen by every active user), so only an assignment
    to a secret one changes what someone has taken away: the rest — most of the day's assignments — keep the
    tables. A person's assignments cleared at once are not looked into."""
    if not action.startswith("post_"):
        return
    if not reverse:
        secret = instance.secrecy > Secrecy.NORMAL
    else:
        secret = pk_set is None or model.objects.filter(pk__in=pk_set, secrecy__gt=Secrecy.NORMAL).exists()
    if secret:
        bump(VISIBILITY)


def connect() -> None:
    from prasan.coordination.models import AgencyRequest, requests_updated
    from prasan.matters.models import Matter, MatterShare

    for signal, name in ((post_save, "save"), (post_delete, "delete"), (requests_updated, "update")):
        signal.connect(_requests_changed, sender=AgencyRequest, dispatch_uid=f"tracking-generation-request-{name}")
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(_shared, sender=MatterShare, dispatch_uid=f"tracking-generation-share-{name}")
    m2m_changed.connect(_assignees_changed, sender=Matter.assignees.through,
                        dispatch_uid="tracking-generation-assignees")
