"""Complaint letters: a citizen's own letter, or one forwarding a complaint, with how it reached the office.

Who sends them: the complainant (a letter, or an e-mail printed out), the government's 1111 hotline through
ศูนย์บริการประชาชน สำนักงานปลัดสำนักนายกรัฐมนตรี, a ministry's complaint centre, an agency passing on what
reached it (a district office's Traffy Fondue report, the Ombudsman, an education area office). The object
gives the channel (the complaints app's channel codes), the channel's own reference for the complaint, the
complainant's name as written (None when they asked not to be named, or wrote none), and the person or body
complained about. Every value is left empty rather than guessed: the registrar checks it on the confirm screen.
"""

import re

from prasan.thai.provinces import province_at

from .lines import Letter

KEYS = ("channel", "channel_ref", "complainant", "about")
CHANNELS = ("letter", "email", "walk_in", "phone", "hotline_1111", "ministry_centre", "traffy_fondue", "web_form",
            "agency_forward")

_COMPLAINT = re.compile(r"ร้องเรียน|ร้องทุกข์|ขอความเป็นธรรม|ผู้ร้อง|คำร้อง|กล่าวหา|Traffy\s*Fondue", re.I)
# About complaints in general (statistics, a reporting round, a handling procedure), not one complaint.
_ABOUT_COMPLAINTS = re.compile(r"สถิติ|ประจำ(?:ไตรมาส|เดือน|ปี)|ราย(?:ไตรมาส|เดือน|ปี)|แนวทาง|หลักเกณฑ์|คู่มือ|"
                               r"ระบบ(?:การ)?(?:รับ|จัดการ)เรื่อง|วิจัย|วิทยานิพนธ์|สัมภาษณ์|ศึกษาดูงาน|อบรม|สัมมนา")
_HOTLINE = re.compile(r"1111|ศูนย์บริการประชาชน\s*สำนัก(?:งาน)?ปลัดสำนักนายกรัฐมนตรี|สายด่วน\s*(?:ของ)?\s*รัฐบาล")
_TRAFFY = re.compile(r"Traffy\s*Fondue|ทราฟฟี่\s*ฟองดู", re.I)
_CENTRE = re.compile(r"ศูนย์(?:รับ)?(?:เรื่อง)?ร้องเรียน|ศูนย์รับเรื่องราวร้องทุกข์|ศูนย์ดำรงธรรม\s*กระทรวง|"
                     r"ศูนย์ปฏิบัติการต่อต้านการทุจริต\s*กระทรวง")
_EMAIL_HEADER = re.compile(r"^\s*(?:จาก|From|ผู้ส่ง)\s*[:：][^\n]*@", re.M | re.I)
_ANONYMOUS = re.compile(r"ไม่ประสงค์\s*(?:จะ)?\s*(?:ออกนาม|เปิดเผย\s*(?:ชื่อ|ตัว))|ขอ\s*ไม่\s*เปิดเผย\s*(?:ชื่อ|ตัว)|"
                        r"ไม่\s*ระบุ\s*(?:ชื่อ|ตัวตน)|บัตรสนเท่ห์|ไม่ปรากฏชื่อ")
_REF = re.compile(r"(?:เรื่องเลขที่|เลขรับเรื่อง|เลขที่รับเรื่อง|เลขที่เรื่อง|หมายเลขเรื่อง|รหัสเรื่อง|เลขที่รับ|"
                  r"ทะเบียนรับที่|เลขรับที่|Ticket\s*ID|"
                  r"(?:คำ|เรื่อง(?:ราว)?|หนังสือ)(?:ร้อง(?:เรียน|ทุกข์)?|กล่าวหา)\s*(?:ที่|เลขที่))\s*[:：]?\s*"
                  r"(?P<ref>[0-9A-Za-zก-ฮ][0-9A-Za-zก-ฮ\-/.]*[0-9A-Za-z])", re.I)

_TITLE = (r"(?:นางสาว|นาง|นาย|น\.ส\.|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?\s?|ดร\.|พระ|"
          r"พ\.ต\.(?:อ|ท|ต)\.|ร\.ต\.(?:อ|ท|ต)\.|จ\.ส\.(?:อ|ท|ต)\.|ส\.(?:อ|ท|ต)\.)")
_NAME = _TITLE + r"\s?[ก-๙]+\s+[ก-๙]+"
# A name begins a word, or follows จาก/ของ/ว่า written with no space (ได้รับคำร้องของนายเฉลิม…).
_PERSON = re.compile(r"(?:(?<![ก-๙])|(?<=จาก)|(?<=ของ)|(?<=ว่า)|(?<=กรณี)|(?<=หา)|(?<=เรียน))" + _NAME)
_ROLE = r"(?:(?:รอง)?ผู้อำนวยการ|ครู(?:ใหญ่|ประจำชั้น)?|อาจารย์|เจ้าหน้าที่|ผู้บริหาร)"
_INSTITUTION = (r"(?:โรงเรียน|วิทยาลัย|มหาวิทยาลัย|สำนักงานเขตพื้นที่การศึกษา|สำนักงานศึกษาธิการ|"
                r"สำนักงานคณะกรรมการ|สำนักงาน|ศูนย์การศึกษา|สถาบัน|กรม)")
_BODY_NAMED = re.compile(r"(?:" + _ROLE + r"\s?)?" + _INSTITUTION + r"[ก-๙]*(?:\s+เขต\s*\d+)?")
_PERSON_AT = re.compile(_NAME + r"(?:\s*(?:ตำแหน่ง\s*)?" + _ROLE + r"?\s?" + _INSTITUTION +
                        r"[ก-๙]*(?:\s+เขต\s*\d+)?)?")
_CASE = re.compile(r"(?:กรณี|ผู้ถูกร้อง(?:เรียน)?\s*[:：]?|ผู้ถูกกล่าวหา\s*[:：]?|กล่าวหา|ร้องเรียน(?=\s?" + _TITLE + r"))\s*")
_BY_ROLE = re.compile(r"ถูก\s*(?P<role>" + _ROLE + r"(?:" + _INSTITUTION + r"[ก-๙]*)?)")
# Where a body's name ends when Thai runs on into the sentence (โรงเรียนบ้านดอนแดงเรียกเก็บเงิน…).
_NAME_STOP = re.compile(r"(?:จังหวัด|อำเภอ|เรียกเก็บ|เรียก|เก็บ|บังคับ|ไม่(?!ใหญ่)|ได้รับ|ให้|ซึ่ง|ว่า|ลงโทษ|แล้ว)")


def spaced(text: str) -> str:
    """The text as one line, its line breaks as spaces: typed letters break lines between words."""
    return re.sub(r"\s+", " ", text).strip()


def is_complaint(kind: str, subject: str, body: str) -> bool:
    if kind == "complaint":
        return True
    if kind == "circular" or _ABOUT_COMPLAINTS.search(subject):
        return False
    return bool(_COMPLAINT.search(subject) or _COMPLAINT.search(spaced(body)[:600]))


def channel_of(text: str, kind: str, from_agency: str) -> str:
    if _EMAIL_HEADER.search(text):
        return "email"
    if _TRAFFY.search(text):
        return "traffy_fondue"
    if _HOTLINE.search(text):
        return "hotline_1111"
    if _CENTRE.search(from_agency) or _CENTRE.search(text[:400]):
        return "ministry_centre"
    return "letter" if kind == "complaint" else "agency_forward"


def complainant_of(body: str, *, kind: str, from_agency: str | None,
                   signer: str | None = None) -> tuple[str | None, int]:
    """(name as written or None, where in the spaced body the complainant's mention ends)."""
    if _ANONYMOUS.search(body):
        return None, _first_complaint_word(body)
    if kind == "complaint":
        intro = re.search(r"(?:ข้าพเจ้า|ดิฉัน|กระผม|ผม)\s*(" + _PERSON.pattern + ")", body)
        if from_agency:
            return from_agency, intro.end() if intro else 0
        return (spaced(intro.group(1)), intro.end()) if intro else (None, 0)
    for person in _PERSON.finditer(body):
        if signer and re.sub(r"\s+", "", person.group(0)) == re.sub(r"\s+", "", signer):
            continue  # the forwarding office's signer is not the complainant
        around = body[max(person.start() - 80, 0): person.end() + 80]
        if _COMPLAINT.search(around) or "แจ้ง" in around:
            return spaced(person.group(0)), person.end()
    return None, _first_complaint_word(body)


def _first_complaint_word(body: str) -> int:
    found = _COMPLAINT.search(body)
    return found.end() if found else 0


def about_of(body: str, start: int, from_agency: str | None) -> str | None:
    """The person or body complained about: after กรณี/ผู้ถูกร้อง, else the first named body after the
    complainant (not the office that forwards the letter)."""
    for case in _CASE.finditer(body):
        found = _PERSON_AT.match(body, case.end()) or _BODY_NAMED.match(body, case.end())
        if found and found.group(0).strip():
            return _with_province(body, found.end(), _trimmed(found.group(0)))
    by_role = _BY_ROLE.search(body, start)  # บุตรของข้าพเจ้าถูกครูประจำชั้นลงโทษ
    if by_role:
        return _trimmed(by_role["role"])
    forwarder = re.sub(r"\s+", "", from_agency or "")
    for found in _BODY_NAMED.finditer(body, start):
        value = _trimmed(found.group(0))
        if value and not (forwarder and re.sub(r"\s+", "", value) in forwarder):
            return _with_province(body, found.end(), value)
    return None


def _with_province(body: str, end: int, value: str | None) -> str | None:
    """A body's name that wrapped before its province (…มัธยมศึกษา⏎เชียงใหม่) is one name."""
    if not value or not value.startswith(("สำนักงาน", "ศูนย์")) or not body[end:end + 1].isspace():
        return value
    following = body[end:].split(maxsplit=1)
    if following and province_at(following[0]) == following[0]:
        return f"{value}{following[0]}"
    return value


def _trimmed(value: str) -> str | None:
    prefix = re.match(r"(?:" + _ROLE + r"\s?)?" + _INSTITUTION, value) or re.fullmatch(_ROLE, value)
    cut_from = prefix.end() if prefix and not _PERSON.match(value) else 0
    stop = _NAME_STOP.search(value, cut_from + 1) if cut_from else None
    if stop:
        value = value[: stop.start()]
    value = value.strip()
    if prefix and value == prefix.group(0) and re.match(_INSTITUTION, value) or "แห่งหนึ่ง" in value:
        return None  # a bare "โรงเรียน" or "a school somewhere" names nobody
    return value or None


def complaint(letter: Letter, *, kind: str, doc_number: str | None, from_agency: str | None,
              subject: str | None, body: str, parliament: dict | None,
              signer: str | None = None) -> tuple[dict | None, float]:
    """The complaint object, or None for any other letter; with how sure the reading is."""
    subject = subject or ""
    if parliament is not None or not is_complaint(kind, subject, body):
        return None, 0.85
    text = spaced(body)
    values = dict.fromkeys(KEYS)
    values["channel"] = channel_of(letter.text, kind, from_agency or "")
    ref = _REF.search(spaced(letter.text))
    if ref:
        values["channel_ref"] = ref["ref"]
    elif values["channel"] not in ("letter", "email"):
        values["channel_ref"] = doc_number  # a forwarding letter is the channel's own reference
    values["complainant"], start = complainant_of(text, kind=kind, from_agency=from_agency, signer=signer)
    values["about"] = about_of(text, start, from_agency)
    return values, 0.75
