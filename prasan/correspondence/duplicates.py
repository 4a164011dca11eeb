"""The same incoming letter registered twice: found by its ที่, date and sender, however the digits and spaces
were typed, so a second registration happens only when someone says it is meant."""

import datetime as dt

from prasan.thai.dates import thai_date
from prasan.thai.text import comparable

from .models import Register, RegisterEntry

# Letters the office receives are registered in these (a secret letter in the secret register).
RECEIVING = (Register.INCOMING, Register.SECRET)


class DuplicateLetter(Exception):
    """The letter matches an entry already registered; `existing` is that entry, `str(e)` says so in Thai."""

    status = 409

    def __init__(self, existing: RegisterEntry):
        self.existing = existing
        super().__init__(
            f"หนังสือที่ {existing.doc_number} ลงวันที่ {thai_date(existing.letter_date, abbr=True, thai_digits=False)} "
            f"จาก {existing.sender} ลงทะเบียนไว้แล้ว ใน{existing.get_register_display()} "
            f"เลขทะเบียน {existing.number}/{existing.year} — หากเป็นหนังสืออีกฉบับจริง โปรดยืนยันการลงทะเบียนซ้ำ")


def find_duplicate(office, register: str, *, user, doc_number: str, letter_date: dt.date | None,
                   sender: str) -> RegisterEntry | None:
    """An entry the user may see with the same ที่, date and sender, or None (also when any of the three is
    missing: two letters without a number cannot be told apart by these alone)."""
    number, sender_key = comparable(doc_number), comparable(sender)
    if register not in RECEIVING or not number or not sender_key or letter_date is None:
        return None
    # Few letters share a date: those are read and compared as written either way (digits, spaces).
    candidates = (RegisterEntry.objects.visible_to(user)
                  .filter(office=office, register__in=RECEIVING, letter_date=letter_date)
                  .exclude(status=RegisterEntry.Status.CANCELLED).order_by("year", "number")
                  .only("register", "year", "number", "doc_number", "letter_date", "sender"))
    return next((entry for entry in candidates
                 if comparable(entry.doc_number) == number and comparable(entry.sender) == sender_key), None)
