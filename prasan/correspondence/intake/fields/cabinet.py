"""Letters from the Cabinet Secretariat (สลค., นร 05xx) about a cabinet meeting: what the office records as an
agenda item of that meeting (prasan.cabinet).

Three kinds concern the minister's coordination, each naming its meeting when it is known:
- `agenda`: a matter of (or about) the ministry is on the agenda (บรรจุเข้าระเบียบวาระ…) of the meeting on a day,
  sometimes with its place in the agenda (ระเบียบวาระที่ ๔.๒);
- `opinion`: the ministry's opinion is asked on another ministry's submission to the cabinet (ขอความเห็น
  ประกอบการพิจารณาของคณะรัฐมนตรี);
- `meeting`: the notice of a meeting itself (an off-site meeting, asking the ministry to propose matters).
A question, motion or bill the Secretariat forwards is parliament's (fields/parliament.py), and a letter telling
a resolution (ลงมติ…) is a follow-up, not an agenda item: both give no cabinet object. Every value is left empty
rather than guessed: the registrar checks the whole object on the confirm screen.
"""

import re

from prasan.thai.digits import to_arabic
from prasan.thai.provinces import province_at

from .dates import find_dates
from .lines import Letter
from .parliament import flat

KINDS = ("agenda", "opinion", "meeting")
KEYS = ("kind", "meeting_on", "province", "order", "agenda_kind")

_SECRETARIAT_NUMBER = re.compile(r"^นร\s*05")
_SECRETARIAT = "สำนักเลขาธิการคณะรัฐมนตรี"
_AGENDA = re.compile(r"ระเบียบ\s*วาระ")
_OPINION = re.compile(r"ความเห็น.{0,120}?(?:ประกอบ\s*การ\s*พิจารณา|คณะรัฐมนตรี\s*พิจารณา)|"
                      r"(?:ประกอบ\s*การ\s*พิจารณา|คณะรัฐมนตรี\s*พิจารณา).{0,200}?ความเห็น")
_MEETING = re.compile(r"การ\s*ประชุม\s*คณะรัฐมนตรี")
_RESOLVED = re.compile(r"ลงมติ|ได้\s*มี\s*มติ|มีมติ")
_ORDER = re.compile(r"ระเบียบ\s*วาระ\s*ที่\s*(?P<n>[0-9๐-๙]{1,2}(?:\s*\.\s*[0-9๐-๙]{1,2}){0,2})")
_FOR_INFORMATION = re.compile(r"(?:เรื่อง|วาระ)\s*เพื่อ\s*ทราบ")
_OFFSITE = re.compile(r"นอก\s*สถานที่.{0,200}?(?:จังหวัด|จ\.)\s*")
# A date the letter is by, was written on or happened on: not the meeting's.
_NOT_THE_MEETING = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน|ลงวันที่|เมื่อ|ตั้งแต่)\s*(?:วัน\S{0,12}?ที่|วันที่)?\s*$")
_NEAR = 160  # characters between "ประชุม" and the meeting's day


def is_cabinet_secretariat(doc_number: str | None, from_agency: str | None) -> bool:
    return bool(_SECRETARIAT_NUMBER.match((doc_number or "").strip())) or _SECRETARIAT in (from_agency or "")


def kind_of(text: str) -> str | None:
    if _AGENDA.search(text):
        return "agenda"
    if _OPINION.search(text):
        return "opinion"
    if _MEETING.search(text) and not _RESOLVED.search(text):
        return "meeting"
    return None


def meeting_day(text: str):
    """The first date written after a mention of the meeting (ประชุม) that is not a by-date, a letter's date or a
    past event's."""
    for found in find_dates(text):
        before = text[max(0, found.start - _NEAR): found.start]
        if "ประชุม" in before and not _NOT_THE_MEETING.search(before):
            return found.value
    return None


def cabinet(letter: Letter, *, doc_number: str | None, from_agency: str | None, subject: str | None, body: str,
            parliament: dict | None) -> tuple[dict | None, float]:
    """The cabinet object, or None for any other letter; with how sure the reading is."""
    if parliament is not None or not is_cabinet_secretariat(doc_number, from_agency):
        return None, 0.9
    subject = subject or ""
    text = subject + " " + flat(body)
    kind = kind_of(text)
    if kind is None:
        return None, 0.8
    if _RESOLVED.search(text) and kind != "agenda":
        return None, 0.7  # it tells a resolution: followed up, not put on an agenda
    values = dict.fromkeys(KEYS)
    values["kind"] = kind
    day = meeting_day(text)
    values["meeting_on"] = day.isoformat() if day else None
    offsite = _OFFSITE.search(text)
    if offsite:
        values["province"] = province_at(text[offsite.end():])
    order = _ORDER.search(text)
    if order:
        values["order"] = re.sub(r"\s+", "", to_arabic(order["n"]))
    if kind != "meeting":
        own = kind == "agenda" and not _FOR_INFORMATION.search(text)
        values["agenda_kind"] = "proposal" if own else "for_information"
    return values, 0.8
