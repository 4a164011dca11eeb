"""ประกาศ: `ประกาศ<issuer>`, เรื่อง, body, "ประกาศ ณ วันที่ …", signature."""

from .base import FormSpec, Printer, register
from .decree import decree_context, decree_docx, decree_fields


def context(v: dict, p: Printer) -> dict:
    return decree_context(v, p, word="ประกาศ", given="ประกาศ")


SPEC = register(FormSpec(
    code="announcement",
    title="ประกาศ",
    kind="letter",
    fields=decree_fields(numbered=False),
    context=context,
    docx=decree_docx,
))
