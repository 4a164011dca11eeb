"""Letters from parliament: a question, motion, bill or committee summons, with what the office must act on.

Who sends them: the Secretariat of the House (สผ) or of the Senate (สว), a committee of either, and the
Cabinet Secretariat (สลค., นร 05xx) when it forwards a question or motion or asks the ministry's opinion
on a bill. What they say follows the House and Senate Rules of 2562: a question is live and oral
(กระทู้ถามสดด้วยวาจา), general (ทั่วไป), answered in a separate room (แยกเฉพาะ), or written
(เป็นหนังสือ) and answered in the Royal Gazette, numbered with the addressee's letter (`157 ร.`).
Every value is left empty rather than guessed: the registrar checks the whole object on the confirm screen.
"""

import datetime as dt
import re

from prasan.thai.provinces import province_at

from .dates import find_dates
from .lines import Letter

KINDS = ("oral_question", "general_question", "separate_question", "written_question", "motion",
         "bill_opinion", "committee_summons")
KEYS = ("kind", "number", "house", "asker", "asker_province", "answer_in", "answer_by", "meeting_at", "place",
        "names_by")
QUESTIONS = frozenset(KINDS[:4])
IN_THE_CHAMBER = frozenset({"oral_question", "general_question", "separate_question"})
MEETS = IN_THE_CHAMBER | {"committee_summons"}

_HOUSE_SECRETARIAT = re.compile(r"^สผ\b|^สผ\s")
_SENATE_SECRETARIAT = re.compile(r"^สว\b|^สว\s")
_CABINET_SECRETARIAT = re.compile(r"^นร\s*05")
_PARLIAMENT_OFFICES = re.compile(r"สำนักงานเลขาธิการสภาผู้แทนราษฎร|สำนักงานเลขาธิการวุฒิสภา|คณะกรรมาธิการ|"
                                 r"สำนักเลขาธิการคณะรัฐมนตรี")

_ORAL = re.compile(r"กระทู้ถาม\s*สด|กระทู้ถาม\s*ด้วย\s*วาจา")
_SEPARATE = re.compile(r"กระทู้ถาม\s*แยก\s*เฉพาะ")
_GENERAL = re.compile(r"กระทู้ถาม\s*ทั่ว\s*ไป")
_WRITTEN = re.compile(r"กระทู้ถาม\s*เป็น\s*หนังสือ|ราชกิจจานุเบกษา")
_QUESTION = re.compile(r"กระทู้")
_SUMMONS = re.compile(r"เชิญ.{0,200}?(?:ประชุม|ชี้แจง|ให้ข้อมูล|ให้ถ้อยคำ)")
_BILL = re.compile(r"ร่าง\s*พระราชบัญญัติ|ร่าง\s*พ\.\s*ร\.\s*บ\.")
_MOTION = re.compile(r"ญัตติ|ข้อสังเกตของคณะกรรมาธิการ|รายงาน(?:การพิจารณาศึกษา)?ของคณะกรรมาธิการ")

_NUMBER = re.compile(r"กระทู้\s*ถาม\s*(?:ทั่ว\s*ไป|แยก\s*เฉพาะ|เป็น\s*หนังสือ)?\s*(?:ที่|เลขที่)\s*"
                     r"(?P<n>\d{1,5})(?:\s*(?P<suffix>[รสว])\s*\.?(?![ก-๙])|\s(?P<ocr_wo>2)\.)?")
_TITLES = (r"(?:นางสาว|นาง|นาย|น\.ส\.|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?|ดร\.|"
           r"พล(?:ตำรวจ|อากาศ|เรือ)?(?:เอก|โท|ตรี)|พันตำรวจ(?:เอก|โท|ตรี)|พัน(?:เอก|โท|ตรี)|"
           r"พล\.?\s?(?:ต\.?\s?)?(?:อ|ท|ต)\.|พ\.ต\.(?:อ|ท|ต)\.|ร\.ต\.(?:อ|ท|ต)\.|"
           r"ศาสตราจารย์|รองศาสตราจารย์|ผู้ช่วยศาสตราจารย์|นายแพทย์|แพทย์หญิง)")
_MEMBER = r"(?:สมาชิก\s*สภา\s*ผู้แทน\s*ราษฎร|สมาชิก\s*วุฒิ\s*สภา|ส\.\s?ส\.|ส\.\s?ว\.|สส\.|สว\.)"
_ASKER = re.compile(r"(?P<name>" + _TITLES + r"\s?[ก-๏]+(?:\s[ก-๏]+)?)\s*(?P<member>" + _MEMBER + r")"
                    r"(?P<rest>.{0,60})")
_PROVINCE_AFTER = re.compile(r"^\s*(?:(?:แบบ)?แบ่งเขต(?:เลือกตั้ง)?\s*)?(?:เขต(?:เลือกตั้ง)?\s*(?:ที่)?\s*\d+\s*)?"
                             r"(?:จังหวัด|จ\.)\s*")
_TIME = re.compile(r"เวลา\s*(?P<h>[0-2]?\d)\s*[.:]\s*(?P<m>[0-5]\d)(?:\s*[-–—]\s*[0-2]?\d\s*[.:]\s*[0-5]\d)?"
                   r"\s*(?:นาฬิกา|น\.?)")
_PLACE = re.compile(r"^\s*(?:ณ|ที่)\s+(?P<place>.+)|^\s*ผ่าน\s*(?P<online>ระบบ.+)")
_PLACE_END = re.compile(r"\s*(?:จึงเรียน|จึงขอ|ทั้งนี้|และขอ|และโปรด|หากท่าน|ขอได้โปรด|อนึ่ง|คณะกรรมาธิการจึง|ความละเอียด)|"
                        r"\s+(?:จึง|โดย(?!สาร)|เพื่อ(?!การประชุม)|ซึ่ง|นั้น|หาก|ขอให้|สำหรับ|พร้อม|ดังกล่าว)|\s{3,}")
_NAMES = re.compile(r"(?:รายชื่อ|ผู้แทน|ผู้เข้าร่วม(?:ประชุม)?)[^.]{0,160}?(?:ภายใน|ก่อน)\s*(?:วัน\S{0,12}?ที่|วันที่)\s*")
_BY_DATE = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน)\s*(?:วัน\S{0,12}?ที่|วันที่)\s*")


_WRAP_IN_WORDS = re.compile(r"(?<=[\u0e01-\u0e4e])[ \t]*\n(?=[\u0e01-\u0e4e])")


def flat(text: str) -> str:
    """The letter as one line. Thai puts no space between words, so a line that wraps from Thai to Thai
    (not into an indented paragraph) joins without one: ห้องประชุม⏎คณะกรรมาธิการ, มณี⏎รัตน์."""
    return re.sub(r"\s*\n\s*", " ", _WRAP_IN_WORDS.sub("", text))


def is_parliament_source(doc_number: str | None, from_agency: str | None, letter: Letter) -> bool:
    number = (doc_number or "").strip()
    if _HOUSE_SECRETARIAT.match(number) or _SENATE_SECRETARIAT.match(number) or _CABINET_SECRETARIAT.match(number):
        return True
    head = "\n".join(letter.lines[:8])
    return bool(_PARLIAMENT_OFFICES.search(from_agency or "") or _PARLIAMENT_OFFICES.search(head))


def kind_of(subject: str, body: str, from_agency: str, cabinet: bool) -> str | None:
    text = subject + " " + body
    for pattern, kind in ((_ORAL, "oral_question"), (_SEPARATE, "separate_question"),
                          (_GENERAL, "general_question")):
        if pattern.search(subject) or pattern.search(body):
            return kind
    if _QUESTION.search(text):
        return "written_question"  # a numbered question with no other kind is one to answer in writing
    committee = "คณะกรรมาธิการ" in from_agency or ("คณะกรรมาธิการ" in text and not cabinet)
    if committee and _SUMMONS.search(text):
        return "committee_summons"
    if _BILL.search(text) and re.search(r"ความเห็น|คำรับรอง", text):
        return "bill_opinion"
    if _MOTION.search(text):
        return "motion"
    return None


def number_of(text: str) -> str | None:
    match = _NUMBER.search(text)
    if not match:
        return None
    suffix = match["suffix"] or ("ว" if match["ocr_wo"] else None)  # OCR reads ว. as 2.
    return f"{match['n']} {suffix}." if suffix else match["n"]


def asker_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(name, province, house) of the member who asked, from `… นาย ก ข สมาชิกสภาผู้แทนราษฎร จังหวัด …`."""
    match = _ASKER.search(text)
    if not match:
        return None, None, None
    name = re.sub(r"\s+", " ", match["name"]).strip()
    house = "senate" if "วุฒิ" in match["member"] or "ว." in match["member"].replace(" ", "") else "house"
    province = None
    rest = match["rest"]
    after = _PROVINCE_AFTER.match(rest)
    if after:
        province = province_at(rest[after.end():])
    return name, province, house


def house_of(doc_number: str | None, from_agency: str | None, number: str | None, body: str) -> str | None:
    if number and number.endswith("ว."):
        return "senate"
    if number and number.endswith(("ร.", "ส.")):
        return "house"
    code = (doc_number or "").strip()
    if _SENATE_SECRETARIAT.match(code) or "วุฒิสภา" in (from_agency or ""):
        return "senate"
    if _HOUSE_SECRETARIAT.match(code) or "สภาผู้แทนราษฎร" in (from_agency or ""):
        return "house"
    senate, house = body.find("วุฒิสภา"), body.find("สภาผู้แทนราษฎร")
    if senate < 0 and house < 0:
        return None
    return "senate" if house < 0 or 0 <= senate < house else "house"


def meeting_of(body: str) -> tuple[dt.datetime | None, str | None]:
    """The first time of day (เวลา ๐๙.๓๐ น.) on the date written nearest before it, and the place after it."""
    dates = find_dates(body)
    for time in _TIME.finditer(body):
        before = [found for found in dates if found.end <= time.start() and time.start() - found.end <= 250]
        if not before:
            continue
        hour, minute = int(time["h"]), int(time["m"])
        if hour > 23:
            continue
        when = dt.datetime.combine(before[-1].value, dt.time(hour, minute))
        return when, place_after(body[time.end(): time.end() + 220])
    return None, None


def place_after(text: str) -> str | None:
    match = _PLACE.match(text)
    if not match:
        return None
    value = match["place"] or match["online"]
    end = _PLACE_END.search(value)
    if end:
        value = value[: end.start()]
    value = re.sub(r"\s+", " ", value).strip(" ,")
    return value or None


def _date_after(pattern: re.Pattern, text: str) -> dt.date | None:
    for match in pattern.finditer(text):
        dates = find_dates(text[match.end(): match.end() + 40])
        if dates and dates[0].start == 0:
            return dates[0].value
    return None


def parliament(letter: Letter, *, doc_number: str | None, from_agency: str | None, subject: str | None,
               body: str) -> tuple[dict | None, float]:
    """The parliament object, or None for any other letter; with how sure the reading is."""
    if not is_parliament_source(doc_number, from_agency, letter):
        return None, 0.9
    body_flat, subject = flat(body), subject or ""
    cabinet = bool(_CABINET_SECRETARIAT.match((doc_number or "").strip())) or "คณะรัฐมนตรี" in (from_agency or "")
    kind = kind_of(subject, body_flat, from_agency or "", cabinet)
    if kind is None:
        return None, 0.8
    text = subject + " " + body_flat
    whole = flat(letter.text)  # the number and the asker may be written only in the enclosures' line
    values = dict.fromkeys(KEYS)
    values["kind"] = kind
    if kind in QUESTIONS:
        values["number"] = number_of(text) or number_of(whole)
        values["asker"], values["asker_province"], member_house = asker_of(body_flat)
        if values["asker"] is None or values["asker_province"] is None:
            name, province, house = asker_of(whole)
            if values["asker"] is None or (name == values["asker"] and province):
                values["asker"], values["asker_province"], member_house = name, province, house
    else:
        member_house = None
    values["house"] = member_house or house_of(doc_number, from_agency, values["number"], body_flat)
    if kind in IN_THE_CHAMBER:
        values["answer_in"] = "chamber"
    elif kind == "written_question":
        gazette = "ราชกิจจานุเบกษา" in whole or (values["number"] or "").endswith(("ร.", "ส.", "ว."))
        values["answer_in"] = "royal_gazette" if gazette else "chamber"
    if kind in MEETS:
        when, values["place"] = meeting_of(body_flat)
        values["meeting_at"] = when.isoformat(timespec="minutes") if when else None
    if kind == "committee_summons":
        names_by = _date_after(_NAMES, body_flat)
        values["names_by"] = names_by.isoformat() if names_by else None
    else:
        answer_by = _date_after(_BY_DATE, body_flat)
        values["answer_by"] = answer_by.isoformat() if answer_by else None
    return values, 0.8
