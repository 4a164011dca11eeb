"""คำสั่ง: `คำสั่ง<issuer>`, `ที่ ๑๒/๒๕๖๙`, เรื่อง, body, "สั่ง ณ วันที่ …", signature."""

from .base import FormSpec, Printer, register
from .decree import decree_context, decree_docx, decree_fields


def context(v: dict, p: Printer) -> dict:
    return decree_context(v, p, word="คำสั่ง", given="สั่ง")


SPEC = register(FormSpec(
    code="order",
    title="คำสั่ง",
    kind="letter",
    fields=decree_fields(numbered=True),
    context=context,
    docx=decree_docx,
))
