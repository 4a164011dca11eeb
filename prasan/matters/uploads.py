"""Checking uploads by their content (not their name), as letter intake does, and storing them content-addressed."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile

# Leading bytes of the formats an office exchanges.
SIGNATURES = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
    (b"II*\x00", "image/tiff", (".tif", ".tiff")),
    (b"MM\x00*", "image/tiff", (".tif", ".tiff")),
    (b"PK\x03\x04", "application/zip", (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".zip")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage", (".doc", ".xls", ".ppt")),
)
TEXT_EXTENSIONS = (".txt", ".csv")
OFFICE_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
}


class UploadError(ValueError):
    pass


ZIP_MAIN_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".pptx": "ppt/presentation.xml",
                  ".odt": "mimetype", ".ods": "mimetype"}
MAX_ZIP_PARTS = 5000
MAX_ZIP_UNPACKED = 500 * 1024 * 1024
PDF_CHECK = {"memory_mb": 512, "cpu_seconds": 15, "wall_seconds": 30}
CORRUPT = "ไฟล์เสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้"


def sniff(head: bytes, name: str) -> str:
    """The content type the leading bytes say, matching the name's extension, or raise UploadError."""
    lower = name.lower()
    for magic, content_type, extensions in SIGNATURES:
        if head.startswith(magic):
            if not lower.endswith(extensions):
                raise UploadError("ชนิดไฟล์ไม่ตรงกับนามสกุล (เนื้อไฟล์เป็น " + content_type + ")")
            return OFFICE_TYPES.get(lower[lower.rfind("."):], content_type)
    if lower.endswith(TEXT_EXTENSIONS):
        return "text/csv" if lower.endswith(".csv") else "text/plain"
    raise UploadError("รับเฉพาะไฟล์ PDF, รูปภาพ (PNG/JPEG/TIFF), Word, Excel หรือข้อความ")


def check_content(data: bytes, name: str) -> str:
    """The content type, after reading the file as letter intake does (correspondence/intake/detect.py):
    the leading bytes, then the structure — a PDF opened (in the sandbox: pages, encryption, page boxes),
    an image's header, an Office archive's directory (sizes, parts, its main part), a text's encoding."""
    from prasan.correspondence.intake import detect
    from prasan.correspondence.intake.errors import IntakeError

    content_type = sniff(data[:2048], name)
    extension = name.lower()[name.lower().rfind("."):]
    try:
        if content_type == detect.PDF:
            _check_pdf(data)
        elif content_type.startswith("image/"):
            detect._image_info(data)
        elif data.startswith(b"PK\x03\x04"):
            _check_zip(data, extension)
            if extension == ".docx":
                detect.check_docx(data)
        elif content_type.startswith("text/"):
            _check_text(data)
    except IntakeError as exc:
        raise UploadError(exc.message) from exc
    return content_type


def _check_pdf(data: bytes) -> None:
    import tempfile

    from prasan import sandbox
    from prasan.correspondence.intake import detect

    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        try:
            sandbox.call(f"{detect.__name__}.pdf_file_pages", handle.name, limits=sandbox.Limits(**PDF_CHECK))
        except sandbox.SandboxError as exc:
            raise UploadError(exc.message) from exc


def _check_zip(data: bytes, extension: str) -> None:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UploadError(CORRUPT) from None
    if len(parts) > MAX_ZIP_PARTS or sum(part.file_size for part in parts) > MAX_ZIP_UNPACKED:
        raise UploadError("ไฟล์บีบอัดนี้เมื่อแตกไฟล์แล้วใหญ่ผิดปกติ ระบบไม่รับเพื่อความปลอดภัย")
    main = ZIP_MAIN_PARTS.get(extension)
    if main and main not in names:
        raise UploadError(f"ไฟล์ไม่ใช่เอกสาร {extension[1:].upper()} ที่ถูกต้อง (ไฟล์อาจเสียหรือถูกเปลี่ยนนามสกุล)")


def _check_text(data: bytes) -> None:
    if b"\x00" in data:
        raise UploadError("ไฟล์ข้อความมีข้อมูลไบนารี")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("ไฟล์ข้อความต้องเข้ารหัส UTF-8") from None


def check_upload(upload) -> str:
    """Checked once per upload (a form checks it, then `store` asks again): the answer is kept on it."""
    if getattr(upload, "prasan_content_type", None):
        return upload.prasan_content_type
    if upload.size == 0:
        raise UploadError("ไฟล์ว่างเปล่า")
    if upload.size > settings.FILE_UPLOAD_MAX_BYTES:
        limit = settings.FILE_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise UploadError(f"ไฟล์ใหญ่เกิน {limit} MB")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    upload.prasan_content_type = check_content(data, upload.name)
    return upload.prasan_content_type


def store(matter, upload, *, kind: str, by, **links):
    """Save an already-checked upload as a MatterFile (SHA-256 recorded for duplicate detection)."""
    from .models import MatterFile

    content_type = check_upload(upload)
    digest = hashlib.sha256()
    data = b"".join(upload.chunks())
    digest.update(data)
    record = MatterFile(
        matter=matter, kind=kind, name=upload.name[:255], sha256=digest.hexdigest(), size=len(data),
        content_type=content_type, uploaded_by=by if getattr(by, "is_authenticated", False) else None, **links,
    )
    record.file.save(f"{digest.hexdigest()[:16]}-{_safe_name(upload.name)}", ContentFile(data), save=False)
    record.save()
    return record


def _safe_name(name: str) -> str:
    keep = "".join(ch for ch in name if ch.isalnum() or ch in "._-")
    return keep[-80:] or "file"
