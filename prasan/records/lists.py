"""The yearly lists: which letters are due, drafting the list, the committee's approval, carrying it out."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from prasan import hygiene
from prasan.audit.models import record
from prasan.correspondence.models import Register, RegisterEntry

from .models import (
    EntryRetention,
    MatterRetention,
    RecordsList,
    RecordsListLine,
    Retention,
    stronger,
)

PERMANENT_REGISTERS = (Register.ORDER, Register.ANNOUNCEMENT)
TRANSFER_AFTER_YEARS = 20


class ListError(Exception):
    """A Thai sentence saying why."""


def default_retention(entry: RegisterEntry) -> str:
    """Orders and announcements are kept for good; secret letters follow their own rules; the rest ten years."""
    if entry.register == Register.SECRET or entry.secrecy > 0:
        return Retention.SECRET
    if entry.register in PERMANENT_REGISTERS:
        return Retention.PERMANENT
    return Retention.TEN_YEARS


def retention_of(entry: RegisterEntry) -> str:
    """The entry's class, or its matter's when that keeps the letter longer."""
    row = EntryRetention.objects.filter(entry=entry).first()
    own = row.retention if row else default_retention(entry)
    matter = MatterRetention.objects.filter(matter_id=entry.matter_id).first() if entry.matter_id else None
    return stronger(own, matter.retention if matter else None)


def _kept_by_their_matters(chosen: list, year: int) -> list:
    """Of the entries due by their own class, those whose matter's class does not keep them longer."""
    matters = dict(MatterRetention.objects.filter(matter_id__in={e.matter_id for e, _ in chosen if e.matter_id})
                   .values_list("matter_id", "retention"))
    kept = []
    for entry, value in chosen:
        value = stronger(value, matters.get(entry.matter_id))
        years = Retention.years(value)
        if years is not None and entry.year < year - years:
            kept.append((entry, value))
    return kept


def _unlisted(kind: str):
    return ~Q(pk__in=RecordsListLine.objects.filter(records_list__kind=kind, entry__isnull=False).values("entry_id"))


def due_for_destruction(year: int):
    """Entries whose keeping time ended before the list's year (BE), with their class; cancelled numbers too."""
    set_class = EntryRetention.objects.values("entry_id")
    defaults = (RegisterEntry.objects.exclude(pk__in=set_class)
                .exclude(register__in=(*PERMANENT_REGISTERS, Register.SECRET)).filter(secrecy=0)
                .filter(year__lt=year - Retention.years(Retention.TEN_YEARS)))
    chosen = [(entry, Retention.TEN_YEARS) for entry in defaults.filter(_unlisted(RecordsList.Kind.DESTRUCTION))]
    for value in (Retention.TEN_YEARS, Retention.ROUTINE):
        rows = RegisterEntry.objects.filter(retention__retention=value, retention__destroyed_at__isnull=True,
                                            year__lt=year - Retention.years(value))
        chosen += [(entry, value) for entry in rows.filter(_unlisted(RecordsList.Kind.DESTRUCTION))]
    return _kept_by_their_matters(chosen, year)


def due_for_transfer(year: int):
    """Letters kept for good that are twenty years old, for the National Archives."""
    permanent = (Q(retention__retention=Retention.PERMANENT)
                 | Q(retention__isnull=True, register__in=PERMANENT_REGISTERS, secrecy=0)
                 | Q(matter__keeping__retention=Retention.PERMANENT, secrecy=0))
    rows = RegisterEntry.objects.filter(permanent, year__lte=year - TRANSFER_AFTER_YEARS).filter(
        _unlisted(RecordsList.Kind.TRANSFER)).distinct()
    return [(entry, Retention.PERMANENT) for entry in rows]


def draft(kind: str, year: int, *, by) -> RecordsList:
    """Make this year's list of its kind from what is due; refused if it exists or nothing is due.
    `by` is a user, or a label such as the yearly command's name."""
    if RecordsList.objects.filter(kind=kind, year=year).exists():
        raise ListError(f"มี{RecordsList.Kind(kind).label} ประจำปี พ.ศ. {year} แล้ว")
    due = due_for_destruction(year) if kind == RecordsList.Kind.DESTRUCTION else due_for_transfer(year)
    if not due:
        raise ListError(f"ไม่มีหนังสือที่ครบกำหนดสำหรับ{RecordsList.Kind(kind).label} ประจำปี พ.ศ. {year}")
    try:
        with transaction.atomic():
            made = RecordsList.objects.create(kind=kind, year=year, created_by=by if hasattr(by, "pk") else None)
            RecordsListLine.objects.bulk_create([
                RecordsListLine(records_list=made, retention=value, **RecordsListLine.copied(entry))
                for entry, value in due])
            record(by, "records.draft", made, kind=kind, year=year, lines=len(due))
    except IntegrityError:
        raise ListError(f"มี{RecordsList.Kind(kind).label} ประจำปี พ.ศ. {year} แล้ว") from None
    return made


def approve(records_list: RecordsList, *, by, committee: str) -> RecordsList:
    """The head of office approves what the committee reviewed; the committee's names are kept with it."""
    committee = (committee or "").strip()
    if not committee:
        raise ListError("กรุณาระบุรายชื่อคณะกรรมการที่พิจารณาบัญชีนี้")
    if (char := hygiene.find(committee)) is not None:
        raise ListError(hygiene.message(char))
    if len(committee) > 5000:
        raise ListError(f"รายชื่อคณะกรรมการยาวได้ไม่เกิน 5,000 ตัวอักษร (ที่กรอกมี {len(committee):,} ตัวอักษร)")
    with transaction.atomic():
        locked = RecordsList.objects.select_for_update().get(pk=records_list.pk)
        if locked.status != RecordsList.Status.DRAFT:
            raise ListError("บัญชีนี้อนุมัติไปแล้ว")
        locked.status, locked.committee = RecordsList.Status.APPROVED, committee
        locked.approved_by, locked.approved_at = by, timezone.now()
        locked.save()
        record(by, "records.approve", locked, committee=committee, lines=locked.lines.count())
    return locked


def carry_out(records_list: RecordsList, *, by) -> RecordsList:
    """Destroy (the letters' files go; the register line and the list stay) or hand over, once approved."""
    with transaction.atomic():
        locked = RecordsList.objects.select_for_update().get(pk=records_list.pk)
        if locked.status != RecordsList.Status.APPROVED:
            raise ListError("ต้องได้รับอนุมัติบัญชีก่อนจึงจะดำเนินการได้" if locked.status == RecordsList.Status.DRAFT
                            else "ดำเนินการตามบัญชีนี้ไปแล้ว")
        now = timezone.now()
        entries = [line.entry for line in locked.lines.select_related("entry") if line.entry_id]
        stamp = {"destroyed_at": now} if locked.kind == RecordsList.Kind.DESTRUCTION else {"transferred_at": now}
        files = 0
        for entry in entries:
            row, _ = EntryRetention.objects.get_or_create(entry=entry, defaults={"retention": default_retention(entry)})
            EntryRetention.objects.filter(pk=row.pk).update(**stamp)
            if locked.kind == RecordsList.Kind.DESTRUCTION:
                for stored in entry.files.all():
                    # The bytes go only once the database has said so (a rollback must not lose a letter).
                    transaction.on_commit(lambda f=stored.file: f.storage.delete(f.name))
                    stored.delete()
                    files += 1
        locked.status, locked.done_by, locked.done_at = RecordsList.Status.DONE, by, now
        locked.save()
        record(by, f"records.{locked.kind}", locked, year=locked.year, lines=len(entries), files=files,
               numbers=[line.number for line in locked.lines.all()][:500])
    return locked


def set_for_matter(matter, retention: str, *, by) -> MatterRetention:
    """The matter's keeping class (audited); its letters are kept at least this long."""
    if retention not in Retention.values:
        raise ListError("กรุณาเลือกอายุการเก็บ")
    with transaction.atomic():
        before = MatterRetention.objects.filter(matter=matter).values_list("retention", flat=True).first()
        row, _ = MatterRetention.objects.update_or_create(
            matter=matter, defaults={"retention": retention, "set_by": by, "set_at": timezone.now()})
        record(by, "records.matter_retention", matter, old=before or "", new=retention)
    return row
