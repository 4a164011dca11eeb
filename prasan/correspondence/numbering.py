"""Gapless register numbers: per office, register and year, taken inside the entry's own transaction."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.thai.dates import be_year, fiscal_year

from .duplicates import DuplicateLetter, find_duplicate
from .models import Register, RegisterCounter, RegisterEntry


def numbering_year(office, day: dt.date) -> int:
    """Calendar Buddhist-era year by default; the fiscal year when the office numbers by it."""
    return fiscal_year(day) if getattr(office, "numbering_year", "calendar") == "fiscal" else be_year(day)


def doc_number_for(register: str, number: int, year: int, unit=None, office=None) -> str:
    """The letter's ที่: `ศธ 0201.1/1234`, circulars `ศธ 0201.1/ว 12`, orders and announcements `12/2569`."""
    prefix = (getattr(unit, "letter_prefix", "") or getattr(office, "letter_prefix", "")).strip()
    if register == Register.CIRCULAR:
        return f"{prefix}/ว {number}" if prefix else f"ว {number}"
    if register in (Register.OUTGOING, Register.SECRET):
        return f"{prefix}/{number}" if prefix else str(number)
    if register in (Register.ORDER, Register.ANNOUNCEMENT):
        return f"{number}/{year}"
    return ""


def _next(office, register: str, year: int) -> int:
    RegisterCounter.objects.get_or_create(office=office, register=register, year=year)
    counter = RegisterCounter.objects.select_for_update().get(office=office, register=register, year=year)
    counter.value += 1
    counter.save(update_fields=["value"])
    return counter.value


def register_entry(office, register: str, *, by, reserved: bool = False, duplicate_ok: bool = False,
                   **fields) -> RegisterEntry:
    """Number and save one entry — the number is used only if the entry is saved (no gaps, no duplicates).

    A received letter whose ที่, date and sender match an entry already registered raises DuplicateLetter
    unless `duplicate_ok` (someone confirmed it is another letter); that confirmation is audited. The search
    runs under the counter's lock, so two people registering the same letter at once cannot both pass it."""
    if register not in Register.values:
        raise ValueError(register)
    with transaction.atomic():
        year = numbering_year(office, timezone.localdate())
        number = _next(office, register, year)
        existing = None if reserved else find_duplicate(
            office, register, user=by, doc_number=fields.get("doc_number") or "",
            letter_date=fields.get("letter_date"), sender=fields.get("sender") or "")
        if existing is not None and not duplicate_ok:
            raise DuplicateLetter(existing)
        entry = RegisterEntry(office=office, register=register, year=year, number=number, created_by=by,
                              status=RegisterEntry.Status.RESERVED if reserved else RegisterEntry.Status.ACTIVE,
                              **fields)
        if register != Register.INCOMING and not entry.doc_number:
            entry.doc_number = doc_number_for(register, number, year, entry.unit, office)
        entry.full_clean()
        entry.save()
        record(by, "register.reserve" if reserved else "register.create", entry,
               register=register, number=number, year=year, doc_number=entry.doc_number)
        if existing is not None:
            record(by, "register.duplicate_confirmed", entry, duplicate_of=existing.pk,
                   duplicate_number=f"{existing.number}/{existing.year}", doc_number=entry.doc_number)
    return entry


def fill_reserved(entry: RegisterEntry, *, by, **fields) -> RegisterEntry:
    with transaction.atomic():
        locked = RegisterEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.status != RegisterEntry.Status.RESERVED:
            raise ValueError("เลขนี้ไม่ได้อยู่ในสถานะจองเลข")
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.status = RegisterEntry.Status.ACTIVE
        locked.full_clean()
        locked.save()
        record(by, "register.fill", locked, number=locked.number, year=locked.year)
    return locked


def cancel(entry: RegisterEntry, *, by, reason: str) -> RegisterEntry:
    """A cancelled entry keeps its number, marked cancelled; the number is never reused."""
    if not reason.strip():
        raise ValueError("กรุณาระบุเหตุที่ยกเลิก")
    with transaction.atomic():
        locked = RegisterEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.status == RegisterEntry.Status.CANCELLED:
            raise ValueError("เลขนี้ถูกยกเลิกไปแล้ว")
        locked.status = RegisterEntry.Status.CANCELLED
        locked.cancel_reason = reason.strip()
        locked.save(update_fields=["status", "cancel_reason"])
        record(by, "register.cancel", locked, number=locked.number, year=locked.year, reason=reason)
    return locked
