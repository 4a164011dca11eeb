"""A document as a file: the signed copy once there is one, else rendered now from its printable fields."""

from . import printing

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
        # The office's emblem, name and digits, as every page and the API print them.
        content = printing.pdf(document) if fmt == "pdf" else printing.docx(document)
    return content, CONTENT_TYPES[fmt], f"document-{document.pk}-v{document.version}.{fmt}"
