"""A document as a file: the signed copy once there is one, else rendered now from its printable fields."""

from prasan.thai.preferences import document_digits

from . import signing
from .render.docx import render_docx
from .render.html import render_pdf

CONTENT_TYPES = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def document_file(document, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name); FormError (Thai, per part) while a draft lacks what the form prints."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(fmt)
    stored = document.pdf if fmt == "pdf" else document.docx
    if stored:
        with stored.open("rb") as handle:
            content = handle.read()
    else:
        data = signing.printable(document)
        office, digits = document.matter.office.name, document_digits()
        content = (render_pdf(document.form, data, office=office, digits=digits) if fmt == "pdf"
                   else render_docx(document.form, data, office=office, digits=digits))
    return content, CONTENT_TYPES[fmt], f"document-{document.pk}-v{document.version}.{fmt}"
