"""Append-only, hash-chained audit log: each event's hash covers the previous one."""

import datetime as dt
import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone


class AuditChain(models.Model):
    """One row per deployment; locking it serialises appends so the chain never forks."""

    last_hash = models.CharField(max_length=64, default="")

    class Meta:
        verbose_name = "ห่วงโซ่บันทึก"

    def __str__(self) -> str:
        return self.last_hash or "(ว่าง)"


class AuditEvent(models.Model):
    created_at = models.DateTimeField("เวลา", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, verbose_name="ผู้กระทำ"
    )
    actor_label = models.CharField("ผู้กระทำ (ข้อความ)", max_length=150, blank=True)
    action = models.CharField("การกระทำ", max_length=64)
    object_type = models.CharField("ชนิด", max_length=64)
    object_id = models.CharField("รหัส", max_length=64)
    data = models.JSONField("รายละเอียด", default=dict)
    prev_hash = models.CharField("แฮชของเหตุการณ์ก่อนหน้า", max_length=64)
    hash = models.CharField("แฮช", max_length=64, unique=True)

    class Meta:
        verbose_name = "เหตุการณ์ตรวจสอบ"
        verbose_name_plural = "บันทึกการตรวจสอบ"
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"เหตุการณ์ที่ {self.pk}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit events are append-only")

    def digest(self) -> str:
        payload = json.dumps(
            {
                "prev": self.prev_hash,
                # UTC, so the text hashed is the same whatever time zone the row is read back in.
                "at": self.created_at.astimezone(dt.UTC).isoformat(),
                "actor": self.actor_id,
                "actor_label": self.actor_label,
                "action": self.action,
                "type": self.object_type,
                "id": self.object_id,
                "data": self.data,
            },
            sort_keys=True,
            ensure_ascii=False,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


def record(actor, action: str, obj, **data) -> AuditEvent:
    """Append one event. Call inside the transaction that made the change.

    `obj` is a model instance, or a (type label, id) pair for things that are gone or not models.
    """
    if isinstance(obj, tuple):
        object_type, object_id = obj[0], str(obj[1])
    else:
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
    # Round-trip through JSON so what is hashed is exactly what is stored (dates, Decimals → strings).
    data = json.loads(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False))
    with transaction.atomic():
        chain, _ = AuditChain.objects.select_for_update().get_or_create(pk=1)
        user = actor if getattr(actor, "is_authenticated", False) else None
        event = AuditEvent(
            created_at=timezone.now(),
            actor=user,
            actor_label=(user.get_username() if user else str(actor or "ระบบ")),
            action=action,
            object_type=object_type,
            object_id=object_id,
            data=data,
            prev_hash=chain.last_hash,
        )
        event.hash = event.digest()
        AuditEvent.objects.bulk_create([event])
        chain.last_hash = event.hash
        chain.save(update_fields=["last_hash"])
    return event


# In verify()'s list of bad ids: the chain's head names an event that is no longer last (the
# newest events were deleted).
MISSING_TAIL = -1


def verify() -> tuple[int, list[int]]:
    """Walk the chain; returns (events checked, ids whose hash or link is wrong).

    An edited event fails its own hash; a deleted event breaks the link of the one after it;
    deleted newest events (or all of them) leave the chain's head pointing nowhere: MISSING_TAIL.
    """
    bad: list[int] = []
    prev = ""
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if event.prev_hash != prev or event.digest() != event.hash:
            bad.append(event.id)
        prev = event.hash
    head = AuditChain.objects.filter(pk=1).values_list("last_hash", flat=True).first()
    if head is not None and head != prev:
        bad.append(MISSING_TAIL)
    return count, bad


def chain_head() -> str:
    """The newest event's hash: copy it somewhere outside the database (a signed report, a
    printed register) and a later rewrite of the whole chain can be caught too."""
    return AuditChain.objects.filter(pk=1).values_list("last_hash", flat=True).first() or ""
