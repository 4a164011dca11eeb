"""The demo office's documents, each at a different step, so every demo user has something waiting.

Made through the same services the pages call (drafting, chain, signing), so the matters stand where
their documents hold them: summary notes waiting for a group head, for the head of office and for the
minister, one sent back to be mended, a letter signed and waiting to be sent.
"""

from django.utils import timezone

from prasan.documents import chain, drafting, signing
from prasan.matters.choices import Kind, Secrecy, State
from prasan.matters.models import Matter

from .data import DEMO_PASSWORD

NOTE = {
    "from_agency": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สพฐ.)",
    "doc_number": "ศธ 04009/4521",
    "key_points": [
        "สพฐ. รายงานข้อมูลและข้อเสนอตามที่รัฐมนตรีสั่งการ",
        "ข้อเสนออยู่ในกรอบงบประมาณที่ได้รับจัดสรรแล้ว",
    ],
    "considerations": "สร. ได้พิจารณาแล้วเห็นว่าข้อเสนอเป็นไปตามหลักเกณฑ์และอยู่ในอำนาจของรัฐมนตรี",
    "proposal": "เห็นควรให้ความเห็นชอบตามที่ สพฐ. เสนอ",
    "for_action": "พิจารณาให้ความเห็นชอบ",
}
LETTER = {
    "to": "เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "references": [],
    "enclosures": [],
    "body": [
        "ด้วยรัฐมนตรีว่าการกระทรวงศึกษาธิการประสงค์จะได้รับข้อมูลประกอบการพิจารณาเรื่องดังกล่าว",
        "จึงเรียนมาเพื่อโปรดพิจารณาจัดส่งข้อมูลให้สำนักงานรัฐมนตรีภายในเจ็ดวันทำการ",
    ],
}
# (form, how far it goes): the steps each demo document has taken.
PLAN = [
    ("summary_note", "submitted"),  # waits for the group head
    ("summary_note", "submitted"),
    ("summary_note", "group_head"),  # waits for the head of office
    ("summary_note", "head"),  # waits for the minister (and the head's signature)
    ("summary_note", "head"),
    ("summary_note", "returned"),  # sent back to the coordinator
    ("external_letter", "signed"),  # signed, waits to be sent
]


def build(users) -> int:
    """Give the demo's open, ordinary matters their documents; returns how many were made."""
    by_name = {u.username: u for u in users}
    head = by_name["head"]
    group_heads = {u.unit_id: u for u in users if u.role == "group_head"}
    # The demo's `grouphead` gets the first ones; the rest go to the units that have a group head.
    ordinary = Matter.objects.filter(state=State.COORDINATING, kind=Kind.SUBSTANTIVE, secrecy=Secrecy.NORMAL,
                                     owner_unit_id__in=list(group_heads)).select_related("office", "owner_unit")
    first = by_name["grouphead"].unit_id
    matters = sorted(ordinary, key=lambda m: (m.owner_unit_id != first, m.pk))[:len(PLAN)]
    made = 0
    for matter, (form, reach) in zip(matters, PLAN, strict=False):  # a small demo has fewer matters
        coordinator = matter.assignees.first() or matter.created_by
        grouphead = group_heads[matter.owner_unit_id]
        document = drafting.start(matter, form, by=coordinator)
        extra = NOTE | {"doc_date": timezone.localdate().isoformat()} if form == "summary_note" else LETTER
        document = drafting.save_version(document, document.fields | extra, by=coordinator, note="กรอกครบ")
        chain.submit(document, by=coordinator)
        if reach == "returned":
            chain.decide(document, by=grouphead, approve=False, comment="ขอเพิ่มข้อกฎหมายที่เกี่ยวข้องในข้อพิจารณา")
        if reach in ("group_head", "head", "signed"):
            chain.decide(document, by=grouphead, approve=True, comment="ถูกต้อง")
        if reach in ("head", "signed"):
            chain.decide(document, by=head, approve=True)
        if reach == "signed":
            document.refresh_from_db()
            signing.sign(document, by=head, password=DEMO_PASSWORD)
        made += 1
    return made
