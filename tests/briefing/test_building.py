"""Building a pack: the PDF's cover, contents with page numbers, bookmarks, running numbers and secrecy marks, its
Thai text layer; the attachments converted; a part the builder may not see refused by name."""

import io

import pytest
from pypdf import PdfReader

from prasan.audit.models import AuditEvent
from prasan.briefing import building, parts, services
from prasan.briefing.models import Pack, Part
from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from prasan.matters.models import MatterFile
from prasan.thai.digits import to_arabic

from .conftest import THAI, contents_rows, outline, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_office(settings):
    settings.BRIEFING_OFFICE = False  # the python-docx way (LibreOffice has its own test)


def full_pack(visit, users, **fields) -> Pack:
    by = users["coordinator"]
    pack = services.create(by=by, owner=visit, fields={"title": "แฟ้มการตรวจราชการจังหวัดขอนแก่น",
                                                       "occasion": "visit", **fields}, links={}, matters=[])
    parts.add(pack, Part.Kind.DOCUMENT, Document.objects.get(matter=visit).pk, by=by)
    parts.add(pack, Part.Kind.ANSWER, AgencyRequest.objects.get(matter=visit).pk, by=by)
    for name in ("briefing-notes.docx", "map.png", "note.txt"):
        parts.add(pack, Part.Kind.FILE, MatterFile.objects.get(matter=visit, name=name).pk, by=by)
    return pack


def built(pack, by, capture):
    with capture(execute=True):
        building.request_build(pack, by=by)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.DONE, pack.error
    with pack.pdf.open("rb") as handle:
        return handle.read()


def test_it_builds_cover_contents_bookmarks_numbers(visit, users, django_capture_on_commit_callbacks):
    pack = full_pack(visit, users)
    pdf = built(pack, users["coordinator"], django_capture_on_commit_callbacks)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pack.pages
    marks = outline(reader)
    assert [m[0] for m in marks[:2]] == ["ปก", "สารบัญ"]
    top = [m for m in marks if m[2] == 0][2:]
    stored = list(pack.parts.order_by("position"))
    assert len(top) == len(stored) == 6
    # each part's bookmark is where the contents says it starts, and where the build recorded it
    rows = dict(contents_rows(page_text(pdf, 2, layout=True)))
    for (title, page, _depth), part in zip(top, stored, strict=True):
        assert title.endswith(part.title[:40]) or part.title[:20] in title
        assert part.start_page == page
        assert rows[part.position] == page, (rows, part.position, page)
        # the running number on that page says the same
        assert f"หน้า {page}/{pack.pages}" in to_arabic(page_text(pdf, page))
    # the answer's PDF is a bookmark under it
    assert ("schools.pdf", stored[2].start_page + 1, 1) in marks
    assert pack.pages == 2 + sum(p.pages for p in stored)
    cover = page_text(pdf, 1)
    assert "แฟ้มข้อมูลประกอบ" in cover and "แฟ้มการตรวจราชการจังหวัดขอนแก่น" in cover
    first_line = page_text(pdf, 3).strip().splitlines()[0]
    assert first_line == "สรุปเรื่อง สร 1/2569" or "ลับ" not in first_line  # a normal pack carries no mark


def test_thai_text_stays_extractable(visit, users, django_capture_on_commit_callbacks):
    pack = full_pack(visit, users)
    pdf = built(pack, users["coordinator"], django_capture_on_commit_callbacks)
    everything = "".join(page_text(pdf, n) for n in range(1, pack.pages + 1))
    flat = "".join(everything.split())
    for phrase in ("น้ำท่วมที่จังหวัดขอนแก่น", "ผู้ใหญ่บ้านนำทีมสำรวจความเสียหาย", "กำหนดการตรวจราชการของรัฐมนตรี",
                   "บ้านหนองน้ำใส", "คำตอบจากหน่วยงาน"):
        assert phrase.replace(" ", "") in flat, phrase
    assert THAI.split()[0] in flat


def test_the_highest_mark_is_on_every_page(visit, users, make_matter, django_capture_on_commit_callbacks):
    by = users["coordinator"]
    secret = make_matter(title="ประเด็นอ่อนไหวในพื้นที่", secrecy=1, assignees=[by])
    pack = full_pack(visit, users)
    parts.add(pack, Part.Kind.MATTER, secret.pk, by=by)
    pdf = built(pack, by, django_capture_on_commit_callbacks)
    assert pack.secrecy == 1
    for page in range(1, pack.pages + 1):
        lines = [line.strip() for line in page_text(pdf, page).splitlines() if line.strip()]
        assert lines[0] == "ลับ" and "ลับ" in lines[-3:], (page, lines[:2], lines[-3:])


def test_a_part_the_builder_may_not_see_is_refused_by_name(visit, users, secret_matter,
                                                           django_capture_on_commit_callbacks):
    pack = full_pack(visit, users)
    # put in by the group head, who may see it; the coordinator then asks for the build
    parts.add(pack, Part.Kind.MATTER, secret_matter.pk, by=users["grouphead"])
    with pytest.raises(building.BuildError) as refused:
        building.request_build(pack, by=users["coordinator"])
    assert "ส่วนที่ 7" in str(refused.value) and "เรื่องชั้นความลับ" in str(refused.value)
    assert secret_matter.title not in str(refused.value)
    assert Pack.objects.get(pk=pack.pk).status == Pack.Status.DRAFT


def test_a_part_hidden_after_the_request_fails_the_build_with_its_name(visit, users, make_matter,
                                                                      django_capture_on_commit_callbacks):
    by = users["coordinator"]
    later = make_matter(title="เรื่องที่จะกลายเป็นลับ", assignees=[users["grouphead"]])
    pack = full_pack(visit, users)
    parts.add(pack, Part.Kind.MATTER, later.pk, by=by)
    building.request_build(pack, by=by)  # not yet run
    type(later).objects.filter(pk=later.pk).update(secrecy=3)
    building.build(pack.pk)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.FAILED and "ส่วนที่ 7" in pack.error and not pack.pdf


def test_adding_a_hidden_part_is_refused_like_a_missing_one(visit, users, secret_matter):
    pack = full_pack(visit, users)
    with pytest.raises(parts.PartError) as hidden:
        parts.add(pack, Part.Kind.MATTER, secret_matter.pk, by=users["coordinator"])
    with pytest.raises(parts.PartError) as missing:
        parts.add(pack, Part.Kind.MATTER, 999999, by=users["coordinator"])
    assert str(hidden.value) == str(missing.value)


def test_a_broken_attachment_fails_with_its_part_named(visit, users, django_capture_on_commit_callbacks):
    from .conftest import attach

    by = users["coordinator"]
    pack = full_pack(visit, users)
    broken = attach(visit, "broken.pdf", b"%PDF-1.7\nnot really a pdf", "application/pdf")
    parts.add(pack, Part.Kind.FILE, broken.pk, by=by)
    with django_capture_on_commit_callbacks(execute=True):
        building.request_build(pack, by=by)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.FAILED
    assert "ส่วนที่ 7" in pack.error and "broken.pdf" in pack.error


def test_moves_and_order(visit, users):
    by = users["coordinator"]
    pack = full_pack(visit, users)
    ids = list(pack.parts.order_by("position").values_list("pk", flat=True))
    parts.move(pack, ids[2], -1, by=by)
    assert list(pack.parts.order_by("position").values_list("pk", flat=True))[:3] == [ids[0], ids[2], ids[1]]
    parts.reorder(pack, list(reversed(ids)), by=by)
    assert list(pack.parts.order_by("position").values_list("pk", flat=True)) == list(reversed(ids))
    with pytest.raises(parts.PartError):
        parts.reorder(pack, ids[:-1], by=by)
    parts.remove(pack, ids[0], by=by)
    assert list(pack.parts.order_by("position").values_list("position", flat=True)) == [1, 2, 3, 4, 5]
    assert AuditEvent.objects.filter(action="briefing.part.reorder").count() == 2


def test_a_build_whose_worker_keeps_dying_fails_and_offers_to_build_again(visit, users, settings, login):
    """prasan.tasks puts a dead worker's build back in the queue, then fails it after TASK_MAX_ATTEMPTS: the pack
    then says so, with the build button, instead of "building" for ever."""
    from django.urls import reverse
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from prasan.tasks import leases

    pack = full_pack(visit, users)
    Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.BUILDING, built_by=users["coordinator"])
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 3
    result = building.build_task.enqueue(pack.pk)
    DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", worker_ids=["w1", "w2", "w3"],
                                                     started_at=timezone.now())
    assert leases.requeue_abandoned() == {"requeued": 0, "failed": 1}
    pack.refresh_from_db()
    assert pack.status == Pack.Status.FAILED and "3 ครั้ง" in pack.error
    page = login(users["coordinator"]).get(reverse("briefing-pack", args=[pack.pk])).content.decode()
    assert "3 ครั้ง" in page and "สร้างแฟ้ม PDF" in page
