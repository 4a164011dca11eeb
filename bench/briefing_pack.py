"""A 200-page briefing pack built as the worker builds it (goal: ≤ 60 s on 2 cores).

The pack of a visit: 5 matter summaries, 24 documents of every form rendered from their samples (not stored:
the worst case, every one laid out anew), an agency's answer with a 112-page PDF, a 25-page Word file (python-docx
→ HTML, or LibreOffice with --office), 12 photos and a text file — about 200 pages. Timed: building.build() from
queued to done (render, sandboxed conversion, merge, bands, bookmarks), wall and CPU (this process and its
children, the sandbox). The database is a throwaway SQLite one; its set-up is not timed.

    .venv/bin/python bench/briefing_pack.py [--office] [--keep out.pdf]
"""

import argparse
import hashlib
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="prasan-bench-pack-")
os.environ.update(PRASAN_DATA_DIR=WORK, DJANGO_SETTINGS_MODULE="prasan.settings",
                  PRASAN_SECRET_KEY=os.environ.get("PRASAN_SECRET_KEY", "bench-only-" + "x" * 40))

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

SAMPLES = ROOT / "docs" / "samples"
FORMS = ("office_memo", "ps_memo", "summary_note", "external_letter", "internal_memo", "circular", "order",
         "announcement", "question_answer", "speaking_brief", "stamp_letter", "office_memo")
TEXT = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑ รายงานสภาพโรงเรียนที่ได้รับผลกระทบจากน้ำท่วม "
        "ผู้ใหญ่บ้านนำทีมสำรวจความเสียหาย ครูและนักเรียนย้ายไปเรียนที่ศาลาประชาคมชั่วคราว ")


def _pdf(pages: int) -> bytes:
    from prasan.documents.render.pdf import html_to_pdf

    body = "".join(f'<h2>ภาคผนวก หน้า {n}</h2><p>{TEXT * 8}</p><div style="break-after:page"></div>'
                   for n in range(1, pages + 1))
    return html_to_pdf(f'<html lang="th"><body style="font-family:Sarabun;font-size:15pt">{body}</body></html>')


def _docx(paragraphs: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("ข้อมูลประกอบการตรวจราชการ", level=1)
    for n in range(paragraphs):
        document.add_paragraph(f"{n + 1}. {TEXT * 2}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _photo(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 1200), (200 - seed * 7, 220, 240))
    draw = ImageDraw.Draw(image)
    for i in range(40):
        draw.line((0, i * 30 + seed, 1600, 1200 - i * 25), fill=(i * 5, 80, 120), width=6)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _attach(matter, name, data, content_type, **links):
    from prasan.matters.models import MatterFile

    digest = hashlib.sha256(data).hexdigest()
    row = MatterFile(matter=matter, name=name, sha256=digest, size=len(data), content_type=content_type, **links)
    row.file.save(f"{digest[:16]}-{name}", ContentFile(data), save=False)
    row.save()
    return row


def make_pack():
    from prasan.accounts.models import User
    from prasan.briefing import parts, services
    from prasan.briefing.models import Part
    from prasan.coordination.models import AgencyRequest
    from prasan.directory.models import Agency, Office, Unit
    from prasan.documents.models import Document
    from prasan.matters.models import Matter

    office = Office.objects.create(name="สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ", abbreviation="สร", letter_prefix="ศธ 0201")
    unit = Unit.objects.create(office=office, name="กลุ่มงานประสานราชการ", abbreviation="กปร.")
    by = User.objects.create_user("coordinator", password="x", role="coordinator", unit=unit, clearance=1,
                                  first_name="สมหญิง", last_name="ประสานดี")
    agency = Agency.objects.create(name="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", abbreviation="สพฐ.")

    def matter(title, **extra):
        return Matter.create(by=by, office=office, title=title, duty_type="other", source="verbal_command",
                             owner_unit=unit, external_deadline=timezone.localdate(), assignees=[by], **extra)

    visit = matter("การตรวจราชการของรัฐมนตรีที่จังหวัดขอนแก่น", kind="facilitation")
    others = [matter(f"ประเด็นที่ {n} สำหรับการตรวจราชการจังหวัดขอนแก่น", secrecy=1 if n == 2 else 0)
              for n in range(1, 5)]
    pack = services.create(by=by, owner=visit, fields={"title": "แฟ้มข้อมูลประกอบการตรวจราชการจังหวัดขอนแก่น",
                                                       "occasion": "visit", "occasion_text": "จังหวัดขอนแก่น"},
                           links={}, matters=others)
    for n in range(24):
        form = FORMS[n % len(FORMS)]
        document = Document.objects.create(matter=visit, form=form, title=f"เอกสารประกอบที่ {n + 1} ({form})",
                                           fields=json.loads((SAMPLES / f"{form}.json").read_text("utf-8")))
        parts.add(pack, Part.Kind.DOCUMENT, document.pk, by=by)
    request = AgencyRequest.objects.create(
        matter=visit, agency=agency, deliverable="ข้อมูลโรงเรียนที่ได้รับผลกระทบ", deadline=timezone.localdate(),
        status=AgencyRequest.Status.ANSWERED, answered_at=timezone.now(), answer=TEXT * 3)
    _attach(visit, "schools-annex.pdf", _pdf(112), "application/pdf", kind="answer", agency_request=request)
    parts.add(pack, Part.Kind.ANSWER, request.pk, by=by)
    word = _attach(visit, "notes.docx", _docx(160),
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    parts.add(pack, Part.Kind.FILE, word.pk, by=by)
    for n in range(12):
        parts.add(pack, Part.Kind.FILE, _attach(visit, f"photo-{n + 1}.jpg", _photo(n), "image/jpeg").pk, by=by)
    parts.add(pack, Part.Kind.FILE, _attach(visit, "note.txt", (TEXT * 5).encode(), "text/plain").pk, by=by)
    return pack, by


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--office", action="store_true", help="convert Word with LibreOffice (when installed)")
    parser.add_argument("--keep", help="write the pack's PDF here")
    args = parser.parse_args()
    from django.conf import settings

    from prasan.briefing import building
    from prasan.briefing.models import Pack

    settings.BRIEFING_OFFICE = args.office
    call_command("migrate", verbosity=0)
    pack, by = make_pack()
    Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.QUEUED, built_by=by)
    load = os.getloadavg()
    cpu, children = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    building.build(pack.pk)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = time.process_time() - cpu
    sandbox = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    pack.refresh_from_db()
    if pack.status != Pack.Status.DONE:
        raise SystemExit(f"the pack failed: {pack.error}")
    if args.keep:
        with pack.pdf.open("rb") as handle:
            Path(args.keep).write_bytes(handle.read())
    result = {"pages": pack.pages, "parts": pack.parts.count(), "wall_s": round(wall, 1),
              "cpu_s": round(own + sandbox, 1), "cpu_worker_s": round(own, 1), "cpu_sandbox_s": round(sandbox, 1),
              "size_mb": round(pack.pdf.size / 1e6, 1), "word": "LibreOffice" if args.office else "python-docx",
              "load_before": [round(x, 1) for x in load], "load_after": [round(x, 1) for x in os.getloadavg()],
              "cores": os.cpu_count(), "goal_s": 60}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
