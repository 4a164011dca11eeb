""""เขียนข่าว" from the work: a draft post prefilled from a finished engagement on the minister's agenda or a closed
matter — what, when, where, who — taking only what may be said in public.

Never copied: a matter's description, plan notes, coordination log, files or anyone's personal data; an
engagement's programme, dress, entourage, transport and notes; names typed for people. Each value the draft took
is listed in `Post.sources` with where it came from, and the page shows that list beside the draft. A source above
ปกติ is refused with the reason, and so is a complaint (its substance is the complainant's).
"""

from django.db import transaction
from django.utils.html import escape

from prasan.audit.models import record
from prasan.matters.choices import DutyType, Secrecy, State
from prasan.thai.dates import thai_date, thai_time

from . import sanitise, versions
from .models import Kind, Post
from .workflow import Missing, WrongState


class NotASource(WrongState):
    """This item may not be a source of public news; `str(e)` says why in Thai."""

    status = 422


def refusal_for_matter(matter) -> str:
    """Why `matter` may not be the source of a public post, or "" when it may."""
    if matter.secrecy > Secrecy.NORMAL:
        return (f"เรื่องนี้มีชั้นความลับ “{matter.get_secrecy_display()}” จึงใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้ "
                "(ใช้ได้เฉพาะเรื่องชั้นปกติ)")
    if matter.duty_type == DutyType.COMPLAINT:
        return "เรื่องร้องเรียนมีข้อมูลส่วนบุคคลของผู้ร้อง จึงใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้"
    if matter.state != State.CLOSED:
        return "เขียนข่าวจากเรื่องได้เมื่อปิดเรื่องแล้วเท่านั้น"
    return ""


def refusal_for_agenda_item(item) -> str:
    from prasan.agenda.choices import AgendaStatus

    if item.matter.secrecy > Secrecy.NORMAL:
        return (f"กำหนดการนี้มีชั้นความลับ “{item.matter.get_secrecy_display()}” จึงใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้ "
                "(ใช้ได้เฉพาะชั้นปกติ)")
    if item.status != AgendaStatus.DONE:
        return "เขียนข่าวจากกำหนดการได้เมื่อภารกิจเสร็จสิ้นแล้วเท่านั้น"
    return ""


def _body(facts: list[tuple[str, str]], closing: str) -> str:
    lines = "".join(f"<li><strong>{escape(label)}</strong> {escape(value)}</li>" for label, value in facts if value)
    return f"<p>{escape(closing)}</p><ul>{lines}</ul>"


def _create(*, by, title: str, summary: str, facts: list[tuple[str, str, str]], closing: str, **links) -> Post:
    # The body holds only sentences fit to publish as they stand: "rewrite before submitting" is told by the page
    # (its message and the sources box), never written into text that a hurried approval would put online.
    with transaction.atomic():
        post = Post.objects.create(
            kind=Kind.NEWS, title=title[:300], summary=summary, created_by=by,
            body_html=_body([(label, value) for label, value, _ in facts], closing),
            sources=[{"field": label, "value": value, "source": source} for label, value, source in facts if value],
            **links)
        versions.keep(post, by=by, note="ร่างจากงานของสำนักงาน")
        record(by, "post.draft", post, title=post.title, source=post.sources[0]["source"] if post.sources else "")
    return post


def from_matter(matter, *, by) -> Post:
    """A draft news post from a closed matter of secrecy ปกติ (the caller has checked that `by` may see it)."""
    refusal = refusal_for_matter(matter)
    if refusal:
        raise NotASource(refusal)
    where = f"เรื่องเลขที่ {matter.number}"
    agencies = sorted({request.agency.name for request in matter.agency_requests.select_related("agency")})
    facts = [
        ("เรื่อง:", matter.title, f"{where} (ชื่อเรื่อง)"),
        ("เมื่อ:", thai_date(matter.closed_at, thai_digits=False) if matter.closed_at else "",
         f"{where} (วันที่ปิดเรื่อง)"),
        ("ผู้สั่งการ:", matter.commanded_by, f"{where} (ผู้สั่งการ)"),
        ("หน่วยงานที่ร่วมดำเนินการ:", ", ".join(agencies), f"{where} (หน่วยงานที่สำนักงานประสาน)"),
        ("ผู้ดำเนินการ:", matter.owner_unit.name if matter.owner_unit_id else "", f"{where} (กลุ่มงานเจ้าของเรื่อง)"),
    ]
    return _create(by=by, title=matter.title, summary="", facts=facts, source_matter=matter,
                   closing="สำนักงานรัฐมนตรีดำเนินการเรื่องนี้แล้วเสร็จ")


def from_agenda_item(item, *, by) -> Post:
    """A draft news post from a done engagement of secrecy ปกติ (the caller has checked that `by` may see it)."""
    refusal = refusal_for_agenda_item(item)
    if refusal:
        raise NotASource(refusal)
    where = "กำหนดการรัฐมนตรี"
    start = item.starts_at
    when = f"{thai_date(start, thai_digits=False)} เวลา {thai_time(start)}"
    facts = [
        ("ภารกิจ:", item.title, f"{where} (ภารกิจ)"),
        ("ประเภท:", item.get_kind_display(), f"{where} (ประเภท)"),
        ("เมื่อ:", when, f"{where} (เวลาเริ่ม)"),
        ("ณ:", item.place, f"{where} (สถานที่)"),
        ("หน่วยงานผู้เชิญ:", item.invited_by_agency.name if item.invited_by_agency_id else "",
         f"{where} (หน่วยงานผู้เชิญ ตามทำเนียบหน่วยงาน)"),
    ]
    place = f" ณ {item.place}" if item.place else ""
    return _create(by=by, title=item.title, summary=f"{item.title}{place} เมื่อ{when}", facts=facts,
                   agenda_item=item, source_matter=None,
                   closing="รัฐมนตรีได้ปฏิบัติภารกิจดังนี้")


def refusal_for_document(document) -> str:
    """Why `document` may not be published as an announcement post, or "" when it may: only a signed ประกาศ
    of a matter of secrecy ปกติ (the same rule as the post form's choice, editing.signed_announcements)."""
    from .editing import signed_announcements

    if document.form != "announcement":
        return "เผยแพร่บนเว็บไซต์ได้เฉพาะเอกสารแบบประกาศ"
    if not document.signed_at or not document.pdf:
        return "ประกาศนี้ยังไม่ได้ลงนาม จึงยังเผยแพร่บนเว็บไซต์ไม่ได้"
    if not signed_announcements().filter(pk=document.pk).exists():
        return "ประกาศนี้มีชั้นความลับ จึงเผยแพร่บนเว็บไซต์ไม่ได้ (ใช้ได้เฉพาะชั้นปกติ)"
    return ""


def from_announcement(document, *, by) -> Post:
    """A draft announcement post publishing a signed ประกาศ: its PDF, and its text as the body (the caller has
    checked that `by` may see the document)."""
    from .editing import announcement_html

    refusal = refusal_for_document(document)
    if refusal:
        raise NotASource(refusal)
    fields = document.fields or {}
    subject = str(fields.get("subject") or document.title)
    where = f"ประกาศที่ลงนามแล้ว{' ที่ ' + fields['doc_number'] if fields.get('doc_number') else ''}"
    title = f"ประกาศ{fields.get('issuer', '')} เรื่อง {subject}" if fields.get("issuer") else document.title
    # The title says the heading and the subject; the body is the rest as printed (no summary: lists and
    # shared links take the first lines of the body).
    with transaction.atomic():
        post = Post.objects.create(
            kind=Kind.ANNOUNCEMENT, title=title[:300], summary="", created_by=by,
            body_html=sanitise.clean(announcement_html(document, heading=not fields.get("issuer"))),
            announcement_document=document,
            source_matter=document.matter,
            sources=[{"field": "ข้อความประกาศ:", "value": subject, "source": f"{where} (ข้อความและไฟล์ PDF)"},
                     {"field": "ผู้ลงนาม:", "value": document.signed_name, "source": where}])
        versions.keep(post, by=by, note="ร่างจากประกาศที่ลงนามแล้ว")
        record(by, "post.draft", post, title=post.title, source=where, document=document.pk)
    return post


__all__ = ["Missing", "NotASource", "from_agenda_item", "from_announcement", "from_matter",
           "refusal_for_agenda_item", "refusal_for_document", "refusal_for_matter"]
