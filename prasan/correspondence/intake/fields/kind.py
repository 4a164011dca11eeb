"""What kind of letter: memo, circular, stamp letter, citizen complaint, or an external letter.

Rules from the correspondence regulation's forms: a memo is titled บันทึกข้อความ; a circular's
number carries ว (or it says หนังสือเวียน); a stamp letter is addressed with ถึง, has no
signature and ends with the office and date under its seal; a complaint comes from a person —
no ที่ number, written as ข้าพเจ้า, often saying ร้องเรียน. Orders (คำสั่ง), announcements (ประกาศ),
regulations (ระเบียบ, ข้อบังคับ: `instruction`) and public-relations letters (แถลงการณ์, ข่าว: `pr`) open
with their title (`fields/header.py`); an order or announcement whose title a scan lost is known by its
date line (`สั่ง ณ วันที่`, `ประกาศ ณ วันที่`).
"""

import re

from .header import issued_as
from .lines import SALUTATION, TO_STAMP, Letter
from .numbers import DocNumber

_CITIZEN = re.compile(r"ข้าพเจ้า|ร้องเรียน|ร้องทุกข์|ขอความเป็นธรรม|ขอความช่วยเหลือ|ผู้ร้อง")


def kind(letter: Letter, number: DocNumber | None, has_signer: bool, title=None) -> tuple[str, float]:
    head = list(letter.nonblank(0))[:6]
    if any("บันทึกข้อความ" in letter.compact[i] and len(letter.compact[i]) <= 30 for i in head):
        return "memo", 0.95
    if title is not None:  # คำสั่ง… / ประกาศ… / ระเบียบ… / แถลงการณ์… as the first line
        return title.kind, 0.9
    dated_as = issued_as(letter) if letter.salutation_at is None else None  # a letter has เรียน, these don't
    if dated_as:
        return dated_as, 0.8
    if number is not None and number.series == "ว":
        return "circular", 0.95
    if any(letter.compact[i] == "หนังสือเวียน" for i in head):
        return "circular", 0.9
    addressed_to = letter.first(TO_STAMP, 0, 30)
    salutation = letter.first(SALUTATION, 0, 30)
    sealed = any(re.fullmatch(r"\(?ประทับตรา\)?", c) for c in letter.compact)
    if (addressed_to and not salutation and not has_signer) or (sealed and not has_signer):
        return "stamp", 0.9
    if number is None and _CITIZEN.search(letter.text):
        return "complaint", 0.85
    if number is None:
        return "external", 0.5
    return "external", 0.9
