"""บันทึกข้อความ from the permanent secretary's office to the minister or deputy (the seed's form 3),
with secrecy and urgency marks: 1 the problem, 2 the facts (2.1–2.x), 3 the considerations
(3.1–3.x), 4 the recommendations (4.1–4.x), "จึงเรียนมาเพื่อโปรด…", signed by the permanent
secretary or whoever acts for them."""

from .base import FormSpec, Person, Printer, Text, TextList, register
from .parts import docx_blocks, docx_memo_head, memo_fields, memo_head

FIELDS = memo_fields() + (
    Text("problem", "ข้อ ๑ ปัญหา/เรื่องที่เสนอ"),
    Text("facts_intro", "ข้อความนำข้อ ๒", required=False,
         default="ขอเรียนข้อมูลประกอบการพิจารณา ดังนี้"),
    TextList("facts", "ข้อ ๒ ข้อเท็จจริง"),
    Text("considerations_intro", "ข้อความนำข้อ ๓", required=False, default="มีข้อพิจารณา ดังนี้"),
    TextList("considerations", "ข้อ ๓ ข้อพิจารณา"),
    Text("recommendations_intro", "ข้อความนำข้อ ๔", required=False, default="เห็นควร"),
    TextList("recommendations", "ข้อ ๔ ข้อเสนอ"),
    Text("closing", "ข้อความลงท้าย (จึงเรียนมาเพื่อโปรด…)"),
    Person("signer", "ผู้ลงนาม"),
)


def context(v: dict, p: Printer) -> dict:
    blocks = (
        p.blocks(v["problem"], label="1.", spaced=True)
        + p.section(2, v["facts"], v["facts_intro"])
        + p.section(3, v["considerations"], v["considerations_intro"])
        + p.section(4, v["recommendations"], v["recommendations_intro"], join_single=True)
    )
    return memo_head(v, p) | {
        "blocks": blocks,
        "closing": p.blocks(v["closing"], spaced=True),
        "signer": p.person(v["signer"]),
    }


def docx(w, ctx: dict) -> None:
    docx_memo_head(w, ctx)
    docx_blocks(w, ctx["blocks"] + ctx["closing"])
    w.signature(ctx["signer"], before=0)


SPEC = register(FormSpec(
    code="ps_memo",
    title="บันทึกข้อความเสนอรัฐมนตรี (สำนักงานปลัดกระทรวง)",
    kind="memo",
    fields=FIELDS,
    context=context,
    docx=docx,
))
