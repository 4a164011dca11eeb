"""Checking uploads by their content (not their name) and storing them content-addressed."""

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


def sniff(head: bytes, name: str) -> str:
    """The content type the bytes really are, or raise UploadError saying what is wrong."""
    lower = name.lower()
    for magic, content_type, extensions in SIGNATURES:
        if head.startswith(magic):
            if not lower.endswith(extensions):
                raise UploadError("ชนิดไฟล์ไม่ตรงกับนามสกุล (เนื้อไฟล์เป็น " + content_type + ")")
            return OFFICE_TYPES.get(lower[lower.rfind("."):], content_type)
    if lower.endswith(TEXT_EXTENSIONS):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character may be cut at the end of the sample.
            if exc.start < len(head) - 4:
                raise UploadError("ไฟล์ข้อความต้องเข้ารหัส UTF-8") from None
        if b"\x00" in head:
            raise UploadError("ไฟล์ข้อความมีข้อมูลไบนารี")
        return "text/csv" if lower.endswith(".csv") else "text/plain"
    raise UploadError("รับเฉพาะไฟล์ PDF, รูปภาพ (PNG/JPEG/TIFF), Word, Excel หรือข้อความ")


def check_upload(upload) -> str:
    if upload.size == 0:
        raise UploadError("ไฟล์ว่างเปล่า")
    if upload.size > settings.FILE_UPLOAD_MAX_BYTES:
        limit = settings.FILE_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise UploadError(f"ไฟล์ใหญ่เกิน {limit} MB")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    return sniff(head, upload.name)


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
