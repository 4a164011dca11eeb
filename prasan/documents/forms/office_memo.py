"""บันทึกข้อความ from the minister's office to the minister (the seed's form 2): 1 the matter and
the request, 2 the facts (2.1…, the last usually the approval authority), 3 the office's
consideration, 4 the recommendation, then "จึงเรียนมาเพื่อโปรด…" and the head of office's signature."""

from . import four_parts
from .base import FormSpec, register

PARTS = [("facts", "ข้อ ๒ ข้อเท็จจริง", "ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้"),
         ("consideration", "ข้อ ๓ ข้อพิจารณา", "ได้พิจารณาแล้ว มีความเห็น ดังนี้"),
         ("recommendation", "ข้อ ๔ ข้อเสนอ", "เห็นควร")]
FIELDS = four_parts.fields(("matter", "ข้อ ๑ เรื่องที่เสนอ"), PARTS)

SPEC = register(FormSpec(
    code="office_memo",
    title="บันทึกข้อความเสนอรัฐมนตรี",
    kind="memo",
    fields=FIELDS,
    context=four_parts.context_for("matter", [name for name, _, _ in PARTS]),
    docx=four_parts.docx,
))
