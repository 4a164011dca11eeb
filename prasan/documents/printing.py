"""A document printed as its office prints it: the fields as they stand (the review column filled from
the chain), the office's own emblem, and — once signed — the electronic-signature line. Every PDF and
DOCX made from the pages and the API comes through here."""

from __future__ import annotations

from django.utils import timezone

from prasan.accounts.models import Role
from prasan.directory.emblem import local_path
from prasan.thai.preferences import document_digits

from . import office_defaults
from .forms import get_form
from .models import Document, ReviewStep
from .render.docx import render_docx
from .render.html import render_pdf


def printable(document: Document) -> dict:
    """The fields as printed: the parts left blank that the office's settings give (นำเสนอ, เรียน, the
    acting unit), the review column filled from the chain's approvals."""
    fields = office_defaults.apply(document.fields, document.matter.office, document.form)
    names = {f.name for f in get_form(document.form).fields}
    if "reviewers" in names and document.pk:
        approved = document.steps.filter(status=ReviewStep.Status.APPROVED).exclude(role=Role.EXECUTIVE)
        fields["reviewers"] = [
            # A reviewer whose profile has no position is printed with their role's name, not refused.
            {"name": s.name, "position": s.position or s.role_label,
             "date": timezone.localtime(s.decided_at).date().isoformat()}
            for s in approved.order_by("round", "order")
        ] or fields.get("reviewers") or []
    return fields


def options(office) -> dict:
    """Renderer options for ``office``: its uploaded emblem (None = the demo placeholder), its name as
    the files' author (PDF metadata, DOCX properties) and the digits its documents print."""
    return {"emblem_path": local_path(office), "office": office.name if office else "",
            "digits": document_digits()}


def pdf(document: Document, data: dict | None = None, **extra) -> bytes:
    """``extra`` may carry ``esign`` (the signature line's parts, signature.stamp)."""
    return render_pdf(document.form, printable(document) if data is None else data,
                      **options(document.matter.office), **extra)


def docx(document: Document, data: dict | None = None, **extra) -> bytes:
    return render_docx(document.form, printable(document) if data is None else data,
                       **options(document.matter.office), **extra)
