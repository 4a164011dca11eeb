"""Destroying secret letters (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. ๒๕๔๔): which may go, proposing them,
the head of office's approval naming the committee, the committee's destruction and its certificate.

Who may see a destruction is one rule here, the same as for the letters on it: clearance reaching its highest
level. Everything is audited; the files go only once the database has recorded the destruction."""

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from prasan import hygiene
from prasan.accounts.models import Role, User
from prasan.audit.models import record
from prasan.correspondence.models import Register, RegisterEntry
from prasan.matters import access
from prasan.matters.choices import OPEN_STATES, Secrecy
from prasan.thai.dates import be_year

from .models import EntryRetention, SecretDestruction, SecretDestructionLine

PROPOSERS = frozenset({Role.REGISTRAR, Role.HEAD})  # the keeper of the secret register, or the head
READERS = PROPOSERS | {Role.AUDITOR}
MIN_COMMITTEE = 2
MAX_REASON = 2000


class DestructionError(Exception):
    """A Thai sentence saying why."""


def _secret_letters():
    return RegisterEntry.objects.filter(Q(register=Register.SECRET) | Q(secrecy__gt=Secrecy.NORMAL))


def eligible(user):
    """Secret letters this user may propose: cleared for them, not destroyed, on no destruction yet, and their
    matter (if any) closed — a letter still being worked on is still needed."""
    on_a_list = SecretDestructionLine.objects.filter(entry__isnull=False).values("entry_id")
    destroyed = EntryRetention.objects.filter(destroyed_at__isnull=False).values("entry_id")
    return (_secret_letters().filter(secrecy__lte=access.reach(user), status=RegisterEntry.Status.ACTIVE)
            .exclude(pk__in=on_a_list).exclude(pk__in=destroyed)
            .filter(Q(matter__isnull=True) | ~Q(matter__state__in=OPEN_STATES))
            .order_by("letter_date", "pk"))


def may_see(user, destruction: SecretDestruction) -> bool:
    """Cleared for its highest level, and either keeps the registers, audits them, or sits on its committee."""
    if not getattr(user, "is_authenticated", False) or destruction.secrecy > access.reach(user):
        return False
    return user.role in READERS or destruction.committee.filter(pk=user.pk).exists()


def visible_to(user):
    """The destructions listed for this user (the same rule as may_see, as a query)."""
    rows = SecretDestruction.objects.filter(secrecy__lte=access.reach(user))
    return rows if user.role in READERS else rows.filter(committee=user)


def _tell(people, destruction: SecretDestruction, text: str, kind) -> None:
    """Tell each person in Prasan, by e-mail and by LINE (as every turn is told), naming only the list's number —
    never a letter's subject; the list's page checks their clearance when they open it."""
    from prasan.tracking.notices import Event, announce

    url = reverse("records-secret-detail", args=[destruction.pk])
    announce(Event(f"secret-destruction:{destruction.pk}:{kind}", kind, None, f"{text}: {destruction}", url=url),
             people)


def _checked_text(text: str, *, what: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise DestructionError(f"กรุณาระบุ{what}")
    if (char := hygiene.find(text)) is not None:
        raise DestructionError(hygiene.message(char))
    if len(text) > limit:
        raise DestructionError(f"{what}ยาวได้ไม่เกิน {limit:,} ตัวอักษร (ที่กรอกมี {len(text):,} ตัวอักษร)")
    return text


def propose(entry_ids, *, reason: str, by) -> SecretDestruction:
    """The keeper lists the letters no longer needed; only letters the keeper is cleared for and that may go."""
    if by.role not in PROPOSERS:
        raise DestructionError("ผู้เสนอขอทำลายคือเจ้าหน้าที่สารบรรณผู้ดูแลทะเบียนหนังสือลับ หรือหัวหน้าสำนักงาน")
    reason = _checked_text(reason, what="เหตุที่ขอทำลาย", limit=MAX_REASON)
    wanted = {int(pk) for pk in entry_ids if str(pk).isdigit()}
    if not wanted:
        raise DestructionError("กรุณาเลือกหนังสือลับที่จะขอทำลายอย่างน้อยหนึ่งฉบับ")
    year = be_year(timezone.localdate())
    try:
        with transaction.atomic():
            letters = list(eligible(by).filter(pk__in=wanted).select_for_update(of=("self",)))
            if len(letters) != len(wanted):
                raise DestructionError("หนังสือที่เลือกบางฉบับขอทำลายไม่ได้ (ถูกเสนอไปแล้ว ทำลายแล้ว "
                                       "หรือเรื่องยังไม่ปิด) กรุณาเลือกใหม่")
            seq = (SecretDestruction.objects.filter(year=year).aggregate(n=Max("seq"))["n"] or 0) + 1
            made = SecretDestruction.objects.create(
                year=year, seq=seq, secrecy=max(e.secrecy for e in letters), reason=reason, proposed_by=by)
            SecretDestructionLine.objects.bulk_create([
                SecretDestructionLine(destruction=made, secrecy=e.secrecy, **SecretDestructionLine.copied(e))
                for e in letters])
            record(by, "records.secret_propose", made, lines=len(letters), secrecy=made.secrecy)
            heads = User.objects.filter(role=Role.HEAD, is_active=True, clearance__gte=made.secrecy).exclude(pk=by.pk)
            _tell(heads, made, "รอท่านอนุมัติให้ทำลายหนังสือลับ", "review")
    except IntegrityError:  # two proposals took the same number at once: the later one tries again
        return propose(entry_ids, reason=reason, by=by)
    return made


def approve(destruction: SecretDestruction, *, by, member_ids, method: str) -> SecretDestruction:
    """The head of office approves and names the committee: at least two officials, each cleared for the list."""
    if by.role != Role.HEAD:
        raise DestructionError("ผู้อนุมัติให้ทำลายและแต่งตั้งคณะกรรมการคือหัวหน้าสำนักงาน")
    if method not in SecretDestruction.Method.values:
        raise DestructionError("กรุณาเลือกวิธีทำลาย")
    wanted = {int(pk) for pk in member_ids if str(pk).isdigit()}
    members = list(User.objects.filter(pk__in=wanted, is_active=True))
    if len(members) < MIN_COMMITTEE or len(members) != len(wanted):
        raise DestructionError(f"คณะกรรมการทำลายต้องมีอย่างน้อย {MIN_COMMITTEE} คน กรุณาเลือกจากรายชื่อ")
    try:
        access.require_cleared(destruction.secrecy, members, act="แต่งตั้งเป็นกรรมการทำลายหนังสือในบัญชีนี้")
    except access.NotCleared as exc:
        raise DestructionError(exc.message) from None
    with transaction.atomic():
        locked = SecretDestruction.objects.select_for_update().get(pk=destruction.pk)
        if locked.status != SecretDestruction.Status.PROPOSED:
            raise DestructionError("บัญชีนี้อนุมัติไปแล้ว")
        locked.status, locked.method = SecretDestruction.Status.APPROVED, method
        locked.approved_by, locked.approved_at = by, timezone.now()
        locked.save()
        locked.committee.set(members)
        record(by, "records.secret_approve", locked, method=method,
               committee=[m.display_name for m in members])
        _tell(members, locked, "ท่านได้รับแต่งตั้งเป็นกรรมการทำลายหนังสือลับ", "assigned")
    return locked


def carry_out(destruction: SecretDestruction, *, by, destroyed_on) -> SecretDestruction:
    """A committee member records that the committee destroyed the letters: their files go, the register lines
    say so, and the destruction (with its lines) stays for good as the certificate."""
    if destroyed_on is None:
        raise DestructionError("กรุณาระบุวันที่ทำลาย")
    if destroyed_on > timezone.localdate():
        raise DestructionError("วันที่ทำลายต้องไม่เกินวันนี้")
    with transaction.atomic():
        locked = SecretDestruction.objects.select_for_update().get(pk=destruction.pk)
        if locked.status == SecretDestruction.Status.PROPOSED:
            raise DestructionError("ต้องได้รับอนุมัติและแต่งตั้งคณะกรรมการก่อนจึงจะทำลายได้")
        if locked.status == SecretDestruction.Status.DONE:
            raise DestructionError("บันทึกการทำลายตามบัญชีนี้ไปแล้ว")
        if not locked.committee.filter(pk=by.pk).exists():
            raise DestructionError("ผู้บันทึกการทำลายต้องเป็นกรรมการทำลายที่ได้รับแต่งตั้งในบัญชีนี้")
        if locked.approved_at and destroyed_on < timezone.localdate(locked.approved_at):
            raise DestructionError("วันที่ทำลายต้องไม่ก่อนวันที่อนุมัติ")
        now, files = timezone.now(), 0
        for line in locked.lines.select_related("entry"):
            if not line.entry_id:
                continue
            row, _ = EntryRetention.objects.get_or_create(entry=line.entry, defaults={"retention": "secret"})
            EntryRetention.objects.filter(pk=row.pk).update(destroyed_at=now)
            for stored in line.entry.files.all():
                transaction.on_commit(lambda f=stored.file: f.storage.delete(f.name))
                stored.delete()
                files += 1
        locked.status, locked.destroyed_on = SecretDestruction.Status.DONE, destroyed_on
        locked.done_by, locked.done_at = by, now
        locked.save()
        record(by, "records.secret_destroy", locked, destroyed_on=destroyed_on.isoformat(),
               lines=locked.lines.count(), files=files)
    return locked
