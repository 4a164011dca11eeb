"""หนังสือประทับตรา: ที่, ถึง, body, then the issuing office's name and the date over its seal, with
no signature (the unit head initials beside the seal, ลงชื่อย่อกำกับตรา), and the owning unit's
contact lines at the foot."""

from .base import (
    Date,
    FormSpec,
    Printer,
    Text,
    TextList,
    keep_tail,
    register,
    secrecy_field,
    urgency_field,
)
from .parts import DATE_LEFT_CM, docx_blocks, docx_contact, label_indent

FIELDS = (
    urgency_field(),
    secrecy_field(),
    Text("doc_number", "ที่", required=False),
    Text("to", "ถึง"),
    TextList("body", "ข้อความ"),
    Text("office", "ส่วนราชการที่ส่งหนังสือออก"),
    Date("date", "วัน เดือน ปี", required=False),
    Text("responsible", "ผู้รับผิดชอบ (ลงชื่อย่อกำกับตรา)", required=False),
    Text("unit", "ส่วนราชการเจ้าของเรื่อง"),
    Text("phone", "โทร.", required=False),
    Text("fax", "โทรสาร", required=False),
    Text("email", "ไปรษณีย์อิเล็กทรอนิกส์", required=False),
)


def context(v: dict, p: Printer) -> dict:
    blocks = [b for text in v["body"] for b in p.blocks(text, spaced=True)]
    keep_tail(blocks)
    return {
        "doc_number": p.text(v.get("doc_number") or ""),
        "to_lines": [p.text(v["to"])],
        "to_indent": label_indent("ถึง"),
        "blocks": blocks,
        "office": p.lines(v["office"]),
        "date": p.date(v.get("date")),
        "responsible": f"ผู้รับผิดชอบ {p.text(v['responsible'])}" if v.get("responsible") else "",
        "contact": [p.text(v["unit"])] + p.contact(v.get("phone"), v.get("fax"), v.get("email")),
    }


def docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import RED, Span

    side, middle, _ = w.table((5.0, 6.0, 5.0), borders=False)
    w.paragraph(Span(ctx["urgency"], 32, True, RED) if ctx["urgency"] else "", into=side,
                before=12)
    w.emblem(3.0, align="center", after=4, into=middle)
    w.paragraph(f"ที่ {ctx['doc_number']}")
    w.labelled("ถึง", ctx["to_lines"], before=6)
    docx_blocks(w, ctx["blocks"])
    first = True
    for line in ctx["office"]:
        w.paragraph(line, align="center", left=DATE_LEFT_CM, before=28 if first else 0,
                    keep_next=True)
        first = False
    w.signature_space(2, left=DATE_LEFT_CM)
    w.paragraph(ctx["date"], align="center", left=DATE_LEFT_CM, keep_next=True)
    if ctx["responsible"]:
        w.paragraph(Span(ctx["responsible"], 14), before=6)
    docx_contact(w, ctx["contact"])


SPEC = register(FormSpec(
    code="stamp_letter",
    title="หนังสือประทับตรา",
    kind="letter",
    fields=FIELDS,
    context=context,
    docx=docx,
    signer_field=None,  # no signature: the seal, with the responsible officer's initials
))
