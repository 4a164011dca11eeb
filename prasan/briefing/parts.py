"""What may go into a pack, and the check that every part is one the builder may see.

The rule is never restated here: a part hangs on a matter (its own, a document's, an answer's, a file's) and the
builder must see that matter by matters.access.may_see — the same rule as a document's page (documents.access sees a
document through its matter) — and, for a complaint's own files, hold the permission to see the complainant
(complaints.masking). A part that fails is refused by name and place, never left out quietly."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from prasan.audit.models import record
from prasan.complaints.masking import COMPLAINANT_FILE_KIND, withholds_files
from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from prasan.matters.access import may_see, safe_title
from prasan.matters.models import Matter, MatterFile

from .models import Pack, Part

#: What an attachment may be to go into a pack: PDF as it is, Word converted, an image on a page, plain text.
PRINTABLE_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
MAX_PARTS = 200


class PartError(ValueError):
    """A Thai sentence saying which part cannot go in, and why."""


@dataclass(frozen=True)
class Refusal:
    position: int
    kind: str
    label: str

    def __str__(self) -> str:
        return f"ส่วนที่ {self.position} ({self.kind}: {self.label})"


def printable(matter_file: MatterFile) -> bool:
    return matter_file.content_type in PRINTABLE_TYPES


def part_visible(user, part: Part) -> bool:
    """Whether `user` may see what this part puts in the pack."""
    if not may_see(user, part.matter):
        return False
    if part.kind == Part.Kind.FILE and part.matter_file.kind == COMPLAINANT_FILE_KIND:
        return not withholds_files(user, part.matter)
    if part.kind == Part.Kind.ANSWER and withholds_files(user, part.matter):
        # An answer's files are put in with it; a complainant's own files among them go with the permission.
        return not part.agency_request.files.filter(kind=COMPLAINANT_FILE_KIND).exists()
    return True


def parts_of(pack: Pack):
    return pack.parts.select_related("matter", "document", "agency_request__agency", "matter_file")


def refused(user, pack: Pack) -> list[Refusal]:
    """The parts of `pack` that `user` may not see, each named so that nothing of a hidden matter is told: its
    place, its kind and the title only where the matter is not secret."""
    return [Refusal(part.position, part.get_kind_display(), safe_title(part.matter, "เรื่องชั้นความลับ"))
            for part in parts_of(pack) if not part_visible(user, part)]


def refusal_message(refusals: list[Refusal]) -> str:
    listed = ", ".join(str(r) for r in refusals)
    return (f"ท่านไม่มีสิทธิ์เห็น{listed} จึงสร้างหรือเปิดแฟ้มนี้ไม่ได้ "
            "นำส่วนนั้นออกจากแฟ้ม หรือขอสิทธิ์จากผู้รับผิดชอบเรื่อง")


# -- adding, moving, removing ------------------------------------------------------------------------------


def _target(kind: str, pk) -> tuple[Matter, dict, str]:
    """The part's matter, its link fields and its title in the contents; PartError if there is no such thing."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise PartError("ไม่พบรายการที่เลือก") from None
    if kind == Part.Kind.MATTER:
        matter = Matter.objects.filter(pk=pk).first()
        if matter:
            return matter, {}, f"เรื่อง {matter.number} {matter.title}"
    elif kind == Part.Kind.DOCUMENT:
        document = Document.objects.select_related("matter").filter(pk=pk).first()
        if document:
            return document.matter, {"document": document}, document.title
    elif kind == Part.Kind.ANSWER:
        request = AgencyRequest.objects.select_related("matter", "agency").filter(pk=pk).first()
        if request:
            if request.status != AgencyRequest.Status.ANSWERED:
                raise PartError(f"คำขอถึง {request.agency.name} ยังไม่มีคำตอบ จึงใส่ในแฟ้มไม่ได้")
            return request.matter, {"agency_request": request}, f"คำตอบจาก {request.agency.name}"
    elif kind == Part.Kind.FILE:
        matter_file = MatterFile.objects.select_related("matter").filter(pk=pk).first()
        if matter_file:
            if not printable(matter_file):
                raise PartError(f"ไฟล์ “{matter_file.name}” เป็นชนิดที่ใส่ในแฟ้มไม่ได้ "
                                "(รับ PDF, Word (DOCX), รูปภาพ PNG/JPEG/TIFF หรือข้อความ)")
            return matter_file.matter, {"matter_file": matter_file}, matter_file.name
    else:
        raise PartError("ชนิดของส่วนไม่ถูกต้อง")
    raise PartError("ไม่พบรายการที่เลือก หรือท่านไม่มีสิทธิ์เห็น")


def add(pack: Pack, kind: str, pk, *, by) -> Part:
    """Put one more part at the end. A part `by` may not see is refused with the same words as one that does not
    exist (a page must not tell that a hidden matter has a document)."""
    matter, links, title = _target(kind, pk)
    part = Part(pack=pack, kind=kind, matter=matter, title=title[:300], position=0, **links)
    if not part_visible(by, part):
        raise PartError("ไม่พบรายการที่เลือก หรือท่านไม่มีสิทธิ์เห็น")
    with transaction.atomic():
        Pack.objects.select_for_update().filter(pk=pack.pk).first()
        existing = pack.parts.filter(kind=kind, **({"matter": matter} if kind == Part.Kind.MATTER else links))
        if existing.exists():
            raise PartError(f"“{title[:80]}” อยู่ในแฟ้มแล้ว")
        if pack.parts.count() >= MAX_PARTS:
            raise PartError(f"แฟ้มหนึ่งมีได้ไม่เกิน {MAX_PARTS} ส่วน")
        part.position = (pack.parts.aggregate(top=Max("position"))["top"] or 0) + 1
        part.save()
        _touched(pack)
        record(by, "briefing.part.add", pack, part=part.pk, kind=kind, target=part.target_id, position=part.position)
    return part


def remove(pack: Pack, part_id, *, by) -> None:
    with transaction.atomic():
        part = pack.parts.filter(pk=part_id).first()
        if part is None:
            raise PartError("ไม่พบส่วนนี้ในแฟ้ม")
        part.delete()
        _renumber(pack, list(pack.parts.order_by("position", "id").values_list("pk", flat=True)))
        _touched(pack)
        record(by, "briefing.part.remove", pack, part=part_id, kind=part.kind, target=part.target_id)


def move(pack: Pack, part_id, step: int, *, by) -> None:
    """Move a part one place up (step -1) or down (+1)."""
    order = list(pack.parts.order_by("position", "id").values_list("pk", flat=True))
    try:
        index = order.index(int(part_id))
    except (ValueError, TypeError):
        raise PartError("ไม่พบส่วนนี้ในแฟ้ม") from None
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(order):
        return
    order[index], order[other] = order[other], order[index]
    reorder(pack, order, by=by)


def reorder(pack: Pack, order: list, *, by) -> None:
    """Put the parts in `order` (their ids, every part once): what dragging a part sends."""
    try:
        order = [int(pk) for pk in order]
    except (TypeError, ValueError):
        raise PartError("ลำดับที่ส่งมาไม่ถูกต้อง") from None
    with transaction.atomic():
        current = set(pack.parts.values_list("pk", flat=True))
        if len(order) != len(current) or set(order) != current:
            raise PartError("ลำดับที่ส่งมาไม่ตรงกับส่วนในแฟ้ม (แฟ้มอาจถูกแก้ไขจากที่อื่น) กรุณาโหลดหน้าใหม่")
        _renumber(pack, order)
        _touched(pack)
        record(by, "briefing.part.reorder", pack, order=order)


def _renumber(pack: Pack, order: list[int]) -> None:
    parts = {part.pk: part for part in pack.parts.all()}
    for position, pk in enumerate(order, start=1):
        parts[pk].position = position
    Part.objects.bulk_update(parts.values(), ["position"])


def _touched(pack: Pack) -> None:
    from django.utils import timezone

    Pack.objects.filter(pk=pack.pk).update(touched_at=timezone.now())


# -- what the pack page offers to add ---------------------------------------------------------------------------


def candidates(pack: Pack, user) -> dict:
    """Documents, answered requests and printable files of the pack's matters (its own and those put in as parts)
    that `user` may see, not yet in the pack."""
    matter_ids = {pack.matter_id, *pack.parts.filter(kind=Part.Kind.MATTER).values_list("matter_id", flat=True)}
    matters = [m for m in Matter.objects.filter(pk__in=matter_ids).order_by("pk") if may_see(user, m)]
    seen = [m.pk for m in matters]
    taken = {(kind, target) for kind, *targets in pack.parts.values_list(
        "kind", "matter_id", "document_id", "agency_request_id", "matter_file_id")
        for target in [targets[{"matter": 0, "document": 1, "answer": 2, "file": 3}[kind]]]}
    files = MatterFile.objects.filter(matter_id__in=seen, content_type__in=PRINTABLE_TYPES).select_related("matter")
    return {
        "matters": [m for m in matters if (Part.Kind.MATTER, m.pk) not in taken],
        "documents": [d for d in Document.objects.filter(matter_id__in=seen).order_by("matter_id", "pk")
                      if (Part.Kind.DOCUMENT, d.pk) not in taken],
        "answers": [r for r in AgencyRequest.objects.filter(matter_id__in=seen, status=AgencyRequest.Status.ANSWERED)
                    .select_related("agency").order_by("matter_id", "pk") if (Part.Kind.ANSWER, r.pk) not in taken],
        "files": [f for f in files.filter(agency_request__isnull=True).order_by("matter_id", "pk")
                  if (Part.Kind.FILE, f.pk) not in taken
                  and not (f.kind == COMPLAINANT_FILE_KIND and withholds_files(user, f.matter))],
    }
