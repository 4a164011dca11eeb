"""Photos for posts, checked by their content and made safe to publish: decoded by Pillow (not trusted by name),
turned upright, resized to at most MAX_SIDE, and re-encoded from the pixels alone — so no EXIF (GPS position,
camera serial, owner's name) survives."""

import io
import uuid

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 1600
MAX_UPLOAD = 15 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a decompression bomb is refused before it is decoded
FORMATS = {"JPEG", "PNG", "WEBP"}


class ImageError(ValueError):
    pass


def prepare(data: bytes) -> ContentFile:
    """A cleaned JPEG (or PNG when the photo has transparency) of the upload, or ImageError in Thai."""
    if len(data) > MAX_UPLOAD:
        raise ImageError("ภาพใหญ่เกิน 15 เมกะไบต์")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise ImageError("รับเฉพาะไฟล์ภาพถ่ายทั่วไป (เจเพ็ก เว็บพี) หรือภาพ PNG")
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError("ภาพมีขนาดพิกเซลใหญ่เกินไป")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
    except ImageError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ImageError("ไฟล์นี้ไม่ใช่ภาพ หรือภาพเสียหาย") from None
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    transparent = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    # Only the pixels are copied into a fresh image: no EXIF, XMP, ICC comments or text chunks come along.
    clean = Image.new("RGBA" if transparent else "RGB", image.size)
    clean.paste(image.convert(clean.mode))
    out = io.BytesIO()
    if transparent:
        clean.save(out, "PNG", optimize=True)
        extension = "png"
    else:
        clean.save(out, "JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
