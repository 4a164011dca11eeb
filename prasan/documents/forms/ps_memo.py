"""บันทึกข้อความ from the permanent secretary's office to the minister or deputy (the seed's form 3),
with secrecy and urgency marks: 1 the problem, 2 the facts (2.1–2.x), 3 the considerations
(3.1–3.x), 4 the recommendations (4.1–4.x), "จึงเรียนมาเพื่อโปรด…", signed by the permanent
secretary or whoever acts for them."""

from . import four_parts
from .base import FormSpec, register
from .four_parts import Part

# The seed's wording: "๒. สป. ขอเรียนข้อมูลประกอบการพิจารณา ดังนี้", "๓. สป. มีข้อพิจารณา ดังนี้",
# "๔. เห็นควร", "จึงเรียนมาเพื่อโปรดอนุมัติ/เห็นชอบ ตามข้อ ๔".
PARTS = [Part("facts", "ข้อ ๒ ข้อเท็จจริง", "ขอเรียนข้อมูลประกอบการพิจารณา ดังนี้"),
         Part("considerations", "ข้อ ๓ ข้อพิจารณา", "มีข้อพิจารณา ดังนี้"),
         Part("recommendations", "ข้อ ๔ ข้อเสนอ", "เห็นควร")]
FIELDS = four_parts.fields(("problem", "ข้อ ๑ ปัญหา/เรื่องที่เสนอ"), PARTS)

SPEC = register(FormSpec(
    code="ps_memo",
    title="บันทึกข้อความเสนอรัฐมนตรี (สำนักงานปลัดกระทรวง)",
    kind="memo",
    fields=FIELDS,
    context=four_parts.context_for("problem", PARTS),
    docx=four_parts.docx,
))
