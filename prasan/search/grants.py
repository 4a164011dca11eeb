"""Need to know of secret matters, as the index keeps it: who was assigned or shared a secret matter, and its
owner unit (whose group head may see it) — matters.access's rule (grant_rows, grant_keys), stored per matter.

Only secret matters have grants, so one user's grants are a handful of rows and the search checks
`matter_id IN (this user's grants)` once per query. Asking the matters table per row instead made PostgreSQL
choose plans for a row filter it thought expensive (a million matters hashed before a search, seconds).
"""

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save

from prasan.matters.access import grant_keys, grant_rows
from prasan.matters.models import Matter, MatterShare

from .models import SearchGrant

BATCH = 5000


def of(user):
    """The matters whose need to know this user has (a subquery)."""
    return SearchGrant.objects.filter(grant_keys(user)).values("matter_id")


def _rows(secret: dict[int, int | None]) -> list[SearchGrant]:
    """Grant rows for these secret matters ({pk: owner unit})."""
    return [SearchGrant(matter_id=matter, user_id=user, unit_id=unit) for matter, user, unit in grant_rows(secret)]


def sync(matter_pks: Iterable[int], had_grants: bool = True) -> None:
    """The grants of these matters as the matters are now (none for a normal or deleted matter).
    `had_grants=False` says none of them was secret before, so there is nothing old to remove."""
    pks = list(matter_pks)
    secret = dict(Matter.objects.filter(pk__in=pks, secrecy__gt=0).values_list("pk", "owner_unit_id"))
    if had_grants or secret:
        SearchGrant.objects.filter(matter_id__in=pks).delete()
    if secret:
        SearchGrant.objects.bulk_create(_rows(secret))


def rebuild() -> int:
    """Every secret matter's grants, from scratch (with the index's rebuild)."""
    SearchGrant.objects.all().delete()
    secret = Matter.objects.filter(secrecy__gt=0).order_by("pk").values_list("pk", "owner_unit_id")
    done, chunk = 0, {}
    for pk, unit in secret.iterator(chunk_size=BATCH):
        chunk[pk] = unit
        if len(chunk) == BATCH:
            done += len(SearchGrant.objects.bulk_create(_rows(chunk), batch_size=BATCH))
            chunk = {}
    if chunk:
        done += len(SearchGrant.objects.bulk_create(_rows(chunk), batch_size=BATCH))
    return done


def _assignees_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        sync([instance.pk], had_grants=action != "post_add")
    elif action == "post_clear":  # a user taken off everything: the matters they had grants of
        sync(SearchGrant.objects.filter(user_id=instance.pk).values_list("matter_id", flat=True))
    else:
        sync(pk_set or (), had_grants=action != "post_add")


def _share_changed(sender, instance, **kwargs):
    sync([instance.matter_id])


def connect() -> None:
    m2m_changed.connect(_assignees_changed, sender=Matter.assignees.through, weak=False,
                        dispatch_uid="search-grants-assignees")
    post_save.connect(_share_changed, sender=MatterShare, weak=False, dispatch_uid="search-grants-share-saved")
    post_delete.connect(_share_changed, sender=MatterShare, weak=False, dispatch_uid="search-grants-share-deleted")
