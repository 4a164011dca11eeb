"""The pack's own printed pages: a matter's summary and an agency's answer, as HTML → PDF with the documents'
exact Thai text layer. Dates in the office's document digits."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from prasan.documents.render.pdf import html_to_pdf
from prasan.matters.models import Plan
from prasan.thai.dates import thai_date
from prasan.thai.digits import to_arabic, to_thai

RECENT_ACTIVITIES = 15


def _date(value, thai: bool) -> str:
    return thai_date(value, thai_digits=thai) if value else ""


def _datetime(value, thai: bool) -> str:
    if not value:
        return ""
    local = timezone.localtime(value)
    text = f"{thai_date(local, abbr=True, thai_digits=False)} {local:%H:%M} น."
    return to_thai(text) if thai else to_arabic(text)


def matter_pdf(matter, *, thai: bool) -> bytes:
    plan = Plan.objects.filter(matter=matter).first()
    context = {
        "matter": matter, "plan": plan,
        "commanded_at": _datetime(matter.commanded_at, thai),
        "external_deadline": _date(matter.external_deadline, thai),
        "assignees": ", ".join(user.display_name for user in matter.assignees.all()),
        "milestones": [{"title": m.title, "due": _date(m.due, thai), "done": "เสร็จแล้ว" if m.done_at else "ยังไม่เสร็จ"}
                       for m in matter.milestones.all()],
        "decisions": [{"verdict": d.get_verdict_display(), "by": d.decided_by, "at": _datetime(d.recorded_at, thai),
                       "text": d.text} for d in matter.decisions.all()],
        "requests": [{"agency": r.agency.name, "deliverable": r.deliverable, "status": r.get_status_display()}
                     for r in matter.agency_requests.select_related("agency")],
        "activities": [{"at": _datetime(a.occurred_at, thai), "channel": a.get_channel_display(),
                        "summary": a.summary, "outcome": a.outcome}
                       for a in matter.activities.order_by("-occurred_at", "-id")[:RECENT_ACTIVITIES]],
    }
    return html_to_pdf(render_to_string("briefing/print/matter.html", context))


def answer_pdf(request, files, *, thai: bool) -> bytes:
    matter = request.matter
    return html_to_pdf(render_to_string("briefing/print/answer.html", {
        "agency": request.agency.name, "matter_number": matter.number, "matter_title": matter.title,
        "deliverable": request.deliverable, "deadline": _date(request.deadline, thai),
        "answered_at": _datetime(request.answered_at, thai), "answered_by": request.answered_by_name,
        "answer": request.answer, "files": [f.name for f in files],
    }))
