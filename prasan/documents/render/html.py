"""Form fields → HTML through the Django templates in templates/documents/<form>.html and the
shared print stylesheet (templates/documents/print.css, inlined so the page stands alone);
→ PDF through render/pdf.py (WeasyPrint)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from prasan.documents.forms.base import Printer, get_form
from prasan.documents.render.meta import document_meta

STATIC = Path(__file__).resolve().parents[2] / "static"
PLACEHOLDER_EMBLEM = STATIC / "img" / "emblem-placeholder.svg"


def document_context(code: str, data: dict, *, digits: str = "thai",
                     emblem_path: str | Path | None = None, with_emblem: bool = True,
                     emblem_url: str | None = None, office: str = "", esign: dict | None = None) -> dict:
    """Everything a form's template prints: the form's strings plus page-level settings.
    The emblem is a file URL (what WeasyPrint reads) unless a browser preview gives ``emblem_url``.
    ``esign`` is a signed document's electronic-signature line (documents/signature.py: stamp)."""
    spec = get_form(code)
    printer = Printer(digits)
    values = spec.clean(data)
    ctx = spec.printed(values, printer)
    meta = document_meta(spec, values, office=office)
    emblem = Path(emblem_path) if emblem_path else PLACEHOLDER_EMBLEM
    if with_emblem and not emblem.exists():
        raise FileNotFoundError(f"ไม่พบไฟล์ตราสัญลักษณ์ {emblem}")
    return ctx | {
        "form": {"code": spec.code, "title": spec.title, "kind": spec.kind},
        "digits": digits,
        "meta": meta | {"created": meta["created"].isoformat(), "modified": meta["modified"].isoformat()},
        "emblem_url": (emblem_url or emblem.resolve().as_uri()) if with_emblem else "",
        "esign": esign,
    }


def render_html(code: str, data: dict, *, external_css: bool = False, **options) -> str:
    """The form ``code`` filled with ``data`` as a standalone HTML page (FormError if a part is
    missing). Options: digits="thai"|"arabic", emblem_path, with_emblem, emblem_url, office (the
    author named in the file's metadata), esign. ``external_css``: without the print stylesheet
    inline (render/pdf.py applies it, parsed once)."""
    ctx = document_context(code, data, **options) | {"external_css": external_css}
    return render_to_string(get_form(code).template, ctx)


def render_pdf(code: str, data: dict, **options) -> bytes:
    from prasan.documents.render.pdf import html_to_pdf

    return html_to_pdf(render_html(code, data, external_css=True, **options), print_css=True)
