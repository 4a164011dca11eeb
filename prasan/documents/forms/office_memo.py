"""บันทึกข้อความ from the minister's office to the minister (the seed's form 2): 1 the matter and
the request, 2 the facts (2.1…, the last usually the approval authority), 3 the office's
consideration, 4 the recommendation, then "จึงเรียนมาเพื่อโปรด…" and the head of office's signature."""

from .base import FormSpec, Person, Printer, Text, TextList, register
from .parts import docx_blocks, docx_memo_head, memo_fields, memo_head

FIELDS = memo_fields() + (
    Text("matter", "ข้อ ๑ เรื่องที่เสนอ"),
    Text("facts_intro", "ข้อความนำข้อ ๒", required=False,
         default="ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้"),
    TextList("facts", "ข้อ ๒ ข้อเท็จจริง"),
    Text("consideration_intro", "ข้อความนำข้อ ๓", required=False,
         default="ได้พิจารณาแล้ว มีความเห็น ดังนี้"),
    TextList("consideration", "ข้อ ๓ ข้อพิจารณา"),
    Text("recommendation_intro", "ข้อความนำข้อ ๔", required=False, default="เห็นควร"),
    TextList("recommendation", "ข้อ ๔ ข้อเสนอ"),
    Text("closing", "ข้อความลงท้าย (จึงเรียนมาเพื่อโปรด…)"),
    Person("signer", "ผู้ลงนาม"),
)


def context(v: dict, p: Printer) -> dict:
    blocks = (
        p.blocks(v["matter"], label="1.", spaced=True)
        + p.section(2, v["facts"], v["facts_intro"])
        + p.section(3, v["consideration"], v["consideration_intro"])
        + p.section(4, v["recommendation"], v["recommendation_intro"], join_single=True)
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
    code="office_memo",
    title="บันทึกข้อความเสนอรัฐมนตรี",
    kind="memo",
    fields=FIELDS,
    context=context,
    docx=docx,
))
