"""หนังสือภายนอก on กระดาษตราครุฑ (แบบที่ ๑ of the correspondence regulation): ที่, the office and its
address, date, เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, body, คำลงท้าย, signature, name, position, and
the owning unit with โทร./โทรสาร/ไปรษณีย์อิเล็กทรอนิกส์ at the foot."""

from .base import FormSpec, Printer, register
from .parts import (
    docx_blocks,
    docx_contact,
    docx_labelled_parts,
    docx_letter_head,
    letter_context,
    letter_fields,
)

FIELDS = letter_fields()


def context(v: dict, p: Printer) -> dict:
    return letter_context(v, p)


def docx(w, ctx: dict) -> None:
    docx_letter_head(w, ctx)
    docx_labelled_parts(w, ctx)
    docx_blocks(w, ctx["blocks"])
    w.signature(ctx["signer"], closing=ctx["closing"], then=bool(ctx["contact"]))
    docx_contact(w, ctx["contact"])


SPEC = register(FormSpec(
    code="external_letter",
    title="หนังสือภายนอก",
    kind="letter",
    fields=FIELDS,
    context=context,
    docx=docx,
))
