"""Parts several forms share — the memo head (แบบที่ ๒๙), the letter head (แบบที่ ๑), labelled lines,
body blocks, signature and contact lines — as printed strings and as DOCX."""

from __future__ import annotations

from prasan.documents.render.metrics import text_width_cm
from prasan.thai.linebreak import breakable
from prasan.thai.text import without_lead

from .base import (
    Date,
    Person,
    Printer,
    Text,
    TextList,
    keep_tail,
    secrecy_field,
    urgency_field,
)

CENTRE_CM = 8.0  # centre of the 16 cm text block
SIGN_LEFT_CM = 6.5
DATE_LEFT_CM = 6.5
URGENCY_LEFT_CM = 1.8  # on a memo, the urgency starts after the 1.5 cm emblem
LABEL_GAP_CM = 0.35


def label_indent(label: str) -> float:
    """Where the text after `เรื่อง`, `เรียน`, `สิ่งที่ส่งมาด้วย` … starts (cm, for the hanging indent)."""
    return round(text_width_cm(label, 16) + LABEL_GAP_CM, 2)


def memo_title_left(urgency: str) -> float | None:
    """"บันทึกข้อความ" is centred, unless the urgency beside the emblem reaches into it: then it
    starts just after the urgency. None = centred."""
    if not urgency:
        return None
    urgency_end = URGENCY_LEFT_CM + text_width_cm(urgency, 32, bold=True) + 0.4
    centred_start = CENTRE_CM - text_width_cm("บันทึกข้อความ", 29, bold=True) / 2
    return round(urgency_end, 2) if urgency_end > centred_start else None


def memo_fields(*, to_default: str | None = None) -> tuple:
    """The head every บันทึกข้อความ has. ที่ and วันที่ may stay blank in a draft: the register
    gives them when the memo is signed."""
    return (
        urgency_field(),
        secrecy_field(),
        Text("unit", "ส่วนราชการ"),
        Text("phone", "โทร.", required=False),
        Text("email", "ไปรษณีย์อิเล็กทรอนิกส์", required=False),
        Text("doc_number", "ที่", required=False),
        Date("date", "วันที่", required=False),
        Text("subject", "เรื่อง"),
        Text("salutation", "คำขึ้นต้น", required=False, default="เรียน"),
        Text("to", "เรียน", default=to_default),
    )


def addressee(v: dict) -> str:
    """เรียน: the addressee without the salutation typed again in front ("เรียน เรียน รมว.ศธ.")."""
    return without_lead(v["to"], v["salutation"]) or v["to"]


def memo_head(v: dict, p: Printer) -> dict:
    unit_line = p.text(v["unit"].replace("\n", " "))
    if v.get("phone"):
        unit_line += f" โทร. {p.text(v['phone'])}"
    if v.get("email"):
        unit_line += f" ไปรษณีย์อิเล็กทรอนิกส์ {v['email']}"
    return {
        # A name or a number in the head line breaks nowhere inside (prasan.thai.linebreak).
        "unit_line": breakable(unit_line, p.keep),
        "doc_number": p.text(v.get("doc_number") or ""),
        "date": p.date(v.get("date")),
        "subject": p.text(v["subject"]),
        "salutation": p.text(v["salutation"]),
        "salutation_indent": label_indent(v["salutation"]),
        "to": p.text(addressee(v)),
        "to_lines": [p.text(addressee(v))],
        "title_left": memo_title_left(v.get("urgency") or ""),
        "indents": {"references": label_indent("อ้างถึง"),
                    "enclosures": label_indent("สิ่งที่ส่งมาด้วย")},
    }


def letter_fields() -> tuple:
    """หนังสือภายนอก (แบบที่ ๑) head, body and foot."""
    return (
        urgency_field(),
        secrecy_field(),
        Text("doc_number", "ที่", required=False),
        Text("address", "ส่วนราชการเจ้าของหนังสือและที่ตั้ง"),
        Date("date", "วัน เดือน ปี", required=False),
        Text("subject", "เรื่อง"),
        Text("salutation", "คำขึ้นต้น", required=False, default="เรียน"),
        Text("to", "เรียน"),
        TextList("references", "อ้างถึง", required=False, default=[]),
        TextList("enclosures", "สิ่งที่ส่งมาด้วย", required=False, default=[]),
        TextList("body", "ข้อความ"),
        Text("closing", "คำลงท้าย", required=False, default="ขอแสดงความนับถือ"),
        Person("signer", "ผู้ลงนาม"),
        Text("unit", "ส่วนราชการเจ้าของเรื่อง"),
        Text("phone", "โทร.", required=False),
        Text("fax", "โทรสาร", required=False),
        Text("email", "ไปรษณีย์อิเล็กทรอนิกส์", required=False),
    )


def listed(items: list[str], p: Printer) -> list[str]:
    """อ้างถึง / สิ่งที่ส่งมาด้วย: one item as is; several numbered ๑. ๒. …"""
    if len(items) == 1:
        return [p.text(items[0])]
    return [f"{label} {text}" for label, text in p.numbered(items)]


def letter_context(v: dict, p: Printer) -> dict:
    blocks = [b for text in v["body"] for b in p.blocks(text, spaced=True)]
    keep_tail(blocks)
    return {
        "doc_number": p.text(v.get("doc_number") or ""),
        "address": p.lines(v["address"]),
        "date": p.date(v.get("date")),
        "subject": p.text(v["subject"]),
        "subject_lines": [p.text(v["subject"])],
        "salutation": p.text(v["salutation"]),
        "to": p.text(addressee(v)),
        "to_lines": [p.text(addressee(v))],
        "references": listed(v["references"], p),
        "enclosures": listed(v["enclosures"], p),
        "indents": {"subject": label_indent("เรื่อง"), "to": label_indent(v["salutation"]),
                    "references": label_indent("อ้างถึง"),
                    "enclosures": label_indent("สิ่งที่ส่งมาด้วย")},
        "blocks": blocks,
        "closing": p.text(v["closing"]),
        "signer": p.person(v["signer"]),
        "contact": [p.text(v["unit"])] + p.contact(v.get("phone"), v.get("fax"), v.get("email")),
    }


# ---- DOCX -------------------------------------------------------------------------------------
def docx_memo_head(w, ctx: dict) -> None:
    from prasan.documents.render.docx import RED, Span

    # The HTML's positions: emblem at 0, the urgency after it, the title centred or moved right.
    title_w = text_width_cm("บันทึกข้อความ", 29, bold=True)
    title_at = ctx["title_left"] or CENTRE_CM - title_w / 2
    parts: list = []
    if ctx["urgency"]:  # right after the emblem (a tab stop there is misread by LibreOffice)
        parts = [Span("\u00a0\u00a0"), Span(ctx["urgency"], 32, True, RED)]
    parts += [Span("\t"), Span("บันทึกข้อความ", 29, True)]
    w.emblem(1.5, align="left", trailing=tuple(parts), tabs=((title_at, "left", None),), after=4)
    w.header_line(("ส่วนราชการ", ctx["unit_line"], 16.0))
    w.header_line(("ที่", ctx["doc_number"], CENTRE_CM), ("วันที่", ctx["date"], 16.0))
    w.header_line(("เรื่อง", ctx["subject"], 16.0))
    w.labelled(ctx["salutation"], ctx["to_lines"], before=6)


def docx_letter_head(w, ctx: dict) -> None:
    from prasan.documents.render.docx import RED, Span

    # One borderless row: the urgency top left, the emblem centred (the HTML's .letter-top).
    side, middle, _ = w.table((5.0, 6.0, 5.0), borders=False)
    w.paragraph(Span(ctx["urgency"], 32, True, RED) if ctx["urgency"] else "", into=side,
                before=12)
    w.emblem(3.0, align="center", after=4, into=middle)
    address = ctx["address"] or [""]
    # The address block sits flush right, at least 6.5 cm and at most 8.5 cm wide (as in the HTML).
    width = max(text_width_cm(line, 16) for line in address) + 0.1
    at = 16.0 - min(max(width, 6.5), 8.5)
    for n, line in enumerate(address):
        number = f"ที่ {ctx['doc_number']}" if n == 0 else ""
        w.paragraph(number + "\t" + line, tabs=((at, "left", None),), left=at, first=-at)
    if ctx["date"]:
        w.paragraph(ctx["date"], align="center", left=DATE_LEFT_CM, before=6)


def docx_labelled_parts(w, ctx: dict) -> None:
    w.labelled("เรื่อง", [ctx["subject"]], before=6)
    w.labelled(ctx["salutation"], [ctx["to"]], before=6)
    if ctx["references"]:
        w.labelled("อ้างถึง", ctx["references"], before=6)
    if ctx["enclosures"]:
        w.labelled("สิ่งที่ส่งมาด้วย", ctx["enclosures"], before=6)


def docx_blocks(w, blocks: list[dict]) -> None:
    """Body paragraphs, Thai-distributed, widow/orphan controlled; the paragraph marked ``keep``
    stays on the page of the one before it and of what follows (the signature)."""
    for n, block in enumerate(blocks):
        label = f"{block['label']} " if block["label"] else ""
        keep = block.get("keep") or (n + 1 < len(blocks) and blocks[n + 1].get("keep"))
        w.paragraph(label + block["text"], first=3.0 if block["level"] == 2 else 2.5,
                    before=6 if block.get("spaced") else 0, align="thai", keep_next=bool(keep))


def docx_contact(w, lines: list[str]) -> None:
    if lines:
        w.paragraph(lines[0], before=22, keep_next=True)
        for line in lines[1:]:
            w.paragraph(line, keep_next=line != lines[-1])
