"""Step 6, parse: a letter's text → the register fields, each with how sure the parser is (0..1).

The field parsers live in `fields/`, one concept per module; this module orders them, because
some depend on others (the kind decides where the issuing office is written).
"""

import datetime as dt
from dataclasses import dataclass, field

from .fields import deadlines, header, lists, marks, parties
from .fields.cabinet import cabinet
from .fields.complaint import complaint
from .fields.dates import date_only, find_dates, mail_date
from .fields.duty import duty_type
from .fields.kind import kind as letter_kind
from .fields.lines import BODY_OPENERS, CLOSINGS, SUBJECT, Letter
from .fields.numbers import DocNumber, fix_digit_confusions
from .fields.parliament import parliament
from .fields.signature import signature
from .normalize import collapse, for_parsing

FIELDS = (
    "kind", "doc_number", "date", "subject", "to", "from_agency", "urgency", "secrecy",
    "references", "enclosures", "reply_by", "reply_within_days", "signer", "signer_position", "contact_phone",
    "duty_type", "parliament", "complaint", "cabinet",
)
OCR_DOUBT = 0.85  # OCR'd text is less certain than a text layer, whatever the rule said


@dataclass
class ParseResult:
    fields: dict
    confidence: dict[str, float] = field(default_factory=dict)

    def uncertain(self, below: float = 0.7) -> list[str]:
        return [name for name in FIELDS if self.confidence.get(name, 0) < below]


def parse(text: str, *, ocr: bool = False) -> ParseResult:
    letter = Letter(fix_digit_confusions(for_parsing(text)))
    values: dict = {}
    sure: dict[str, float] = {}

    at, sure["doc_number"] = header.find_number(letter)
    number = at.number if at else None
    signed_by, position, sure["signer"], _ = signature(letter)
    if signed_by is None:
        signed_by, sure["signer"] = parties.signer(letter)  # `ลงชื่อ นาย…` written out
    titled = header.title(letter)
    values["kind"], sure["kind"] = letter_kind(letter, number, signed_by is not None, titled)
    if values["kind"] == "stamp":
        signed_by, position, sure["signer"] = None, None, 0.9  # a stamp letter is sealed, not signed
    values["doc_number"] = number.text if number else None
    issued = titled or values["kind"] in ("order", "announcement")
    date, sure["date"] = issued_date(letter) if issued else letter_date(letter)
    values["date"] = date.isoformat() if date else None
    values["subject"], sure["subject"] = subject(letter)
    if titled and titled.subject and (values["subject"] is None or letter.subject_at > titled.index + 3):
        values["subject"], sure["subject"] = titled.subject, 0.9
    values["to"], sure["to"] = parties.addressee(letter)
    values["from_agency"], sure["from_agency"] = parties.issuing_office(
        letter, values["kind"], signed_by, at, titled)
    values["urgency"], sure["urgency"] = marks.urgency(letter)
    values["secrecy"], sure["secrecy"] = marks.secrecy(letter)
    values["references"], sure["references"], refs_end = lists.references(letter)
    values["enclosures"], sure["enclosures"], encl_end = lists.enclosures(letter)
    body = _body(letter, refs_end, encl_end)
    reply_by, sure["reply_by"] = deadlines.reply_by(body)
    values["reply_by"] = reply_by.isoformat() if reply_by else None
    values["reply_within_days"], sure["reply_within_days"] = deadlines.reply_within_days(body)
    values["signer"] = signed_by
    values["signer_position"], sure["signer_position"] = position, (sure["signer"] if position else 0.8)
    values["contact_phone"], sure["contact_phone"] = parties.contact_phone(letter)
    values["parliament"], sure["parliament"] = parliament(
        letter, doc_number=values["doc_number"], from_agency=values["from_agency"], subject=values["subject"],
        body=body)
    values["complaint"], sure["complaint"] = complaint(
        letter, kind=values["kind"], doc_number=values["doc_number"], from_agency=values["from_agency"],
        subject=values["subject"], body=body, parliament=values["parliament"], signer=signed_by)
    values["cabinet"], sure["cabinet"] = cabinet(
        letter, doc_number=values["doc_number"], from_agency=values["from_agency"], subject=values["subject"],
        body=body, parliament=values["parliament"])
    values["duty_type"], sure["duty_type"] = duty_type(
        letter, kind=values["kind"], subject=values["subject"], to=values["to"], body=body,
        parliament=values["parliament"], complaint=values["complaint"], cabinet=values["cabinet"])

    fields = {name: values[name] for name in FIELDS}
    confidence = {name: round(sure[name] * (OCR_DOUBT if ocr else 1.0), 2) for name in FIELDS}
    return ParseResult(fields, confidence)


def doc_number(letter: Letter) -> tuple[DocNumber | None, float]:
    at, sure = header.find_number(letter)
    return (at.number if at else None), sure


def issued_date(letter: Letter) -> tuple[dt.date | None, float]:
    """An order's or announcement's date is its `สั่ง ณ วันที่` / `ประกาศ ณ วันที่` line, and only that:
    the dates in its body are of the acts it cites."""
    found = header.issued_on(letter)
    if found is None:
        return None, 0.6
    value = date_only(found[1]) or next((d.value for d in find_dates(found[1])), None)
    return value, (0.95 if value else 0.5)


def letter_date(letter: Letter) -> tuple[dt.date | None, float]:
    header_end = letter.subject_at if letter.subject_at is not None else letter.salutation_at
    header_end = 15 if header_end is None else header_end
    for index in letter.nonblank(0):
        if index >= header_end:
            break
        line = letter.stripped[index]
        value = date_only(line) or mail_date(line)
        if value is None and "วันที่" in line:  # a memo's `ที่ … วันที่ …` line
            value = date_only(line[line.rindex("วันที่"):])
        if value is not None:
            return value, 0.95
    for index in letter.nonblank(0):  # stamp letters and some complaints date at the bottom
        value = date_only(letter.stripped[index])
        if value is not None:
            return value, 0.85
    header = "\n".join(letter.lines[:header_end])
    found = find_dates(header)
    return (found[0].value, 0.5) if found else (None, 0.6)


def subject(letter: Letter) -> tuple[str | None, float]:
    index = letter.subject_at
    if index is None or index > 25:
        return None, 0.8
    match = SUBJECT.match(letter.lines[index])
    parts = [letter.lines[index][match.end():]]
    cursor = index + 1
    while cursor < len(letter.lines) and len(parts) < 3:
        line = letter.stripped[cursor]
        if not line or letter.is_label(cursor) or date_only(line) or CLOSINGS.match(line) or header.is_rule(line):
            break
        if len(parts) > 1 and (BODY_OPENERS.match(line) or line.startswith("เพื่อให้")):
            break  # the body's first paragraph, after a wrapped subject
        parts.append(line)
        cursor += 1
    if len(parts) > 1 and parts[0].strip():
        # the wrap ends where a label, a blank, a rule or the body's first paragraph follows; without one
        # the lines after the subject were body, not a wrapped subject
        kept = next((k for k in range(len(parts), 1, -1) if _subject_ends_before(letter, index + k)), 1)
        parts = parts[:kept]
    value = lists.join_lines(parts)
    return (collapse(value) or None), (0.95 if len(parts) == 1 else 0.85)


def _subject_ends_before(letter: Letter, index: int) -> bool:
    if index >= len(letter.lines) or not letter.stripped[index] or letter.is_label(index):
        return True
    text = letter.stripped[index]
    return header.is_rule(text) or bool(BODY_OPENERS.match(text)) or text.startswith("เพื่อให้") \
        or (date_only(text) is not None and not header.ISSUED.match(text))  # the date under a wrapped subject


def _body(letter: Letter, *ends: int | None) -> str:
    start = letter.salutation_at if letter.salutation_at is not None else 0
    start = max([start + 1, *[end for end in ends if end is not None]])
    return "\n".join(letter.lines[start:])
