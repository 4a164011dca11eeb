"""What the office's settings say in a document's parts left blank, so a draft without them is printed
and submitted, not refused: "นำเสนอ" on a summary note is the minister named in the office settings
(`รมว.ศธ. (นายธีรภัทร วิชาการ)`, as the seed's "นำเสนอ รมว.ศธ. (ระบุชื่อ)"), "เรียน" on a memo to the
minister the minister's title, and the acting unit of the office's memo the office's abbreviation
(`สร.`). The closing line's default is the form's own (forms/four_parts.py: closing_for)."""

from __future__ import annotations

MEMOS_TO_THE_MINISTER = ("office_memo", "ps_memo")


def abbreviation(office) -> str:
    """The office's abbreviation as documents write it: `สร` (as in matter numbers) → `สร.`."""
    text = (office.abbreviation or "").strip()
    return text if not text or text.endswith(".") else f"{text}."


def sender_address(office) -> str:
    """The office as the sender block of its letters (ส่วนราชการเจ้าของหนังสือและที่ตั้ง): each part of its name on
    its own line, as a clerk sets it (สำนักงานรัฐมนตรี / กระทรวงศึกษาธิการ), then the address — which, when it
    starts with the ministry already named, does not name it twice."""
    names = office.name.split()
    words = (office.address or "").split()
    if words and words[0] in names:
        words = words[1:]
    return "\n".join(names + ([" ".join(words)] if words else []))


def for_form(office, form: str) -> dict:
    """{part: value} the office's settings give ``form``."""
    if office is None:
        return {}
    title = (office.minister_title or "").strip() or "รมว."
    name = (office.minister_name or "").strip()
    defaults: dict = {}
    if form == "summary_note":
        defaults["to"] = f"{title} ({name})" if name else title
    elif form in MEMOS_TO_THE_MINISTER:
        defaults["to"] = title
    if form == "office_memo" and abbreviation(office):
        defaults["acting_unit"] = abbreviation(office)
    return defaults


def apply(fields: dict, office, form: str) -> dict:
    """``fields`` with each blank part the office's settings give filled in (a copy)."""
    filled = dict(fields)
    for name, value in for_form(office, form).items():
        if filled.get(name) in (None, "", [], {}):
            filled[name] = value
    return filled
