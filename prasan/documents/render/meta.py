"""What a rendered document says about itself (PDF XMP/info and DOCX core properties alike):
its title (the form and the subject), its author (the office), when it was made and changed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from prasan.thai.linebreak import plain


def document_meta(spec, values: dict, *, office: str = "") -> dict:
    """``created`` is the document's own date (วันที่ / ลงวันที่) when it has one, else now."""
    now = timezone.localtime() if timezone.is_aware(timezone.now()) else dt.datetime.now()
    day = values.get("date") or values.get("doc_date")
    created = (timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
               if isinstance(day, dt.date) else now).replace(microsecond=0)
    subject = plain(str(values.get("subject") or "")).strip()
    return {
        "title": f"{spec.title}: {subject}" if subject else spec.title,
        "author": office,
        "created": created,
        "modified": max(created, now.replace(microsecond=0)),
    }
