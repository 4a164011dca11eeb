"""Which of the office's six duties a letter belongs to (prasan.matters.choices.DutyType), proposed for the matter.

The order is the office's: parliament work first (a Secretariat or committee letter, or one about a question,
motion, bill or committee), then complaints, then following up cabinet resolutions and the minister's
policies, then the minister's political and public engagements, then what the minister is asked to
consider; circulars, stamp letters and requests for cooperation are other work. The registrar can change it.
"""

import re

from .lines import Letter

_PARLIAMENT_WORDS = re.compile(r"กระทู้|ญัตติ|คณะกรรมาธิการ|ร่าง\s*พระราชบัญญัติ|ร่าง\s*พ\.ร\.บ\.")
_HOLIDAY = re.compile(r"วันหยุด")
_RESOLUTION = re.compile(r"คณะรัฐมนตรี(?:ได้)?(?:ประชุมปรึกษา|มีมติ|ลงมติ)|ลงมติ|มติคณะรัฐมนตรี")
_FOLLOW_UP = re.compile(r"รายงานผล|ข้อสั่งการ|ขับเคลื่อน\s*นโยบาย|ติดตามผล")
_ENGAGEMENT = re.compile(r"เชิญ[^\n]{0,40}(?:ประธาน|ปาฐกถา|เป็นเกียรติ|กล่าว|บรรยาย|เปิด)|การเยือน|"
                         r"การประชุมคณะรัฐมนตรี|ประกอบ\s*การพิจารณาของคณะรัฐมนตรี|คำชี้แจง[^\n]{0,20}ข่าว|กรณีข่าว|สื่อมวลชน|แถลงข่าว")
_COOPERATION = re.compile(r"ขอความร่วมมือ|ขอความอนุเคราะห์|ขอรายชื่อ|วิจัย|ประชาสัมพันธ์|หลักเกณฑ์|แนวทาง")
_TO_MINISTER = re.compile(r"^(?:ท่าน)?(?:รัฐมนตรี|รมว\.|รมช\.)")
_CLOSING = re.compile(r"^\s*(?:ขอแสดงความนับถือ|ขอแสดงความเคารพ|ด้วยความเคารพ)", re.M)


def duty_type(letter: Letter, *, kind: str, subject: str | None, to: str | None, body: str,
              parliament: dict | None, complaint: dict | None = None,
              cabinet: dict | None = None) -> tuple[str, float]:
    subject = subject or ""
    closing = _CLOSING.search(body)
    # the letter's own words: not the owning unit's name under the signature (…ติดตามมติคณะรัฐมนตรี)
    body = re.sub(r"\s*\n\s*", " ", body[: closing.start()] if closing else body)
    if parliament is not None:
        return "parliament", 0.9
    if _PARLIAMENT_WORDS.search(subject):
        return "parliament", 0.8
    if complaint is not None:  # a complainant's own letter, or one forwarding a complaint (fields/complaint.py)
        return "complaint", 0.85
    if cabinet is not None:  # a cabinet meeting's agenda, an opinion for it, the meeting itself (fields/cabinet.py)
        return "political_support", 0.8
    if _HOLIDAY.search(subject):
        return "other", 0.7
    if _RESOLUTION.search(body) or _FOLLOW_UP.search(subject) or _FOLLOW_UP.search(body[:400]):
        return "policy_followup", 0.7
    if _ENGAGEMENT.search(subject) or _ENGAGEMENT.search(body[:300]):
        return "political_support", 0.7
    if kind in ("circular", "stamp") or _COOPERATION.search(subject):
        return "other", 0.6
    if kind == "memo" or _TO_MINISTER.match(to or ""):
        return "analysis", 0.6
    return "other", 0.5
