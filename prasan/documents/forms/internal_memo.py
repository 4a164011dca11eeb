"""บันทึกข้อความ, the general หนังสือภายใน on กระดาษบันทึกข้อความ (ระเบียบงานสารบรรณ ข้อ ๗๖, แบบที่ ๒๙):
head, เรียน, อ้างถึง and สิ่งที่ส่งมาด้วย if any, body paragraphs, signature."""

from .base import FormSpec, Person, Printer, Text, TextList, keep_tail, register
from .parts import docx_blocks, docx_memo_head, listed, memo_fields, memo_head

FIELDS = memo_fields() + (
    TextList("references", "อ้างถึง", required=False, default=[]),
    TextList("enclosures", "สิ่งที่ส่งมาด้วย", required=False, default=[]),
    TextList("body", "ข้อความ"),
    Text("closing", "ข้อความลงท้าย", required=False, default=""),
    Person("signer", "ผู้ลงนาม"),
)


def context(v: dict, p: Printer) -> dict:
    blocks = [b for text in v["body"] for b in p.blocks(text, spaced=True)]
    closing = p.blocks(v["closing"], spaced=True) if v["closing"] else []
    keep_tail(blocks, closing)
    return memo_head(v, p) | {
        "references": listed(v["references"], p),
        "enclosures": listed(v["enclosures"], p),
        "blocks": blocks,
        "closing": closing,
        "signer": p.person(v["signer"]),
    }


def docx(w, ctx: dict) -> None:
    docx_memo_head(w, ctx)
    if ctx["references"]:
        w.labelled("อ้างถึง", ctx["references"], before=6)
    if ctx["enclosures"]:
        w.labelled("สิ่งที่ส่งมาด้วย", ctx["enclosures"], before=6)
    docx_blocks(w, ctx["blocks"] + ctx["closing"])
    w.signature(ctx["signer"], before=0)


SPEC = register(FormSpec(
    code="internal_memo",
    title="บันทึกข้อความ (หนังสือภายใน)",
    kind="memo",
    fields=FIELDS,
    context=context,
    docx=docx,
))
