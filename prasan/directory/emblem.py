"""The office's Garuda emblem: an uploaded SVG or PNG, checked by its content, kept with a PNG
rendition for DOCX (Word needs a raster picture), and handed to the renderers as local files.

An SVG is accepted only as a plain drawing: well-formed XML whose root is <svg>, no DOCTYPE or
entities, no scripts, event handlers, foreign objects or references outside the file — the
renderers load nothing from outside, and an emblem must not be the way in.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 6000 * 6000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG_NS = "http://www.w3.org/2000/svg"
RASTER_HEIGHT_PX = 709  # 3 cm at 600 dpi: sharp at the letter's size

_FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler",
                   "listener"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)


def check(data: bytes, filename: str = "") -> str:
    """"png" or "svg" for an acceptable emblem, else ValidationError with a Thai message."""
    if not data:
        raise ValidationError("ไฟล์ตราสัญลักษณ์ว่างเปล่า")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"ไฟล์ตราสัญลักษณ์ใหญ่เกิน {MAX_BYTES // (1024 * 1024)} MB")
    if data.startswith(PNG_MAGIC):
        _check_png(data)
        return "png"
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")):
        _check_svg(data)
        return "svg"
    raise ValidationError("ตราสัญลักษณ์ต้องเป็นไฟล์ PNG หรือ SVG (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์)")


def _check_png(data: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                raise ValidationError("ไฟล์นี้ไม่ใช่ PNG ที่ถูกต้อง")
            width, height = image.size
            image.verify()
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 — Pillow raises many kinds for a broken file
        raise ValidationError("ไฟล์ PNG เสียหายหรืออ่านไม่ได้") from None
    if width * height > MAX_PIXELS:
        raise ValidationError("ภาพตราสัญลักษณ์ใหญ่เกินไป (ไม่เกิน ๖,๐๐๐ × ๖,๐๐๐ จุด)")
    if height < 100:
        raise ValidationError("ภาพตราสัญลักษณ์เล็กเกินไป (สูงอย่างน้อย ๑๐๐ จุด เพื่อให้พิมพ์ได้คมชัด)")


def _check_svg(data: bytes) -> None:
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise ValidationError("ไฟล์ SVG ต้องไม่มี DOCTYPE หรือ ENTITY")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise ValidationError("ไฟล์ SVG ไม่ใช่ XML ที่ถูกต้อง") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValidationError("ไฟล์นี้ไม่ใช่ภาพ SVG (ต้องขึ้นต้นด้วย <svg> ของ SVG)")
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if tag in _FORBIDDEN_TAGS:
            raise ValidationError(f"ไฟล์ SVG ต้องไม่มีส่วน <{tag}> (สคริปต์หรือเนื้อหาจากภายนอก)")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise ValidationError(f"ไฟล์ SVG ต้องไม่มีคำสั่งทำงาน ({local})")
            if local in ("href", "src") and not value.strip().startswith("#"):
                raise ValidationError("ไฟล์ SVG ต้องไม่อ้างถึงไฟล์หรือที่อยู่ภายนอก")
            _check_urls(value)
        if tag == "style":
            _check_urls(element.text or "")
            if "@import" in (element.text or "").lower():
                raise ValidationError("ไฟล์ SVG ต้องไม่นำเข้าสไตล์จากภายนอก")


def _check_urls(text: str) -> None:
    for target in _URL.findall(text):
        if target and not target.startswith("#"):
            raise ValidationError("ไฟล์ SVG ต้องไม่อ้างถึงไฟล์หรือที่อยู่ภายนอก")


def rasterise(svg: bytes) -> bytes:
    """A PNG of the SVG emblem, RASTER_HEIGHT_PX high, transparent around it (WeasyPrint draws the
    SVG into a PDF page of the emblem's size; pdfium turns that into pixels)."""
    import base64

    import pypdfium2

    from prasan.documents.render.pdf import html_to_pdf

    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    html = ('<html><head><style>@page { size: 10cm 3cm; margin: 0 } html, body { margin: 0 } '
            'img { height: 3cm; display: block }</style></head>'
            f'<body><img src="{uri}"></body></html>')
    pdf = pypdfium2.PdfDocument(html_to_pdf(html, exact=False))
    page = pdf[0]
    scale = RASTER_HEIGHT_PX / page.get_height()
    image = page.render(scale=scale, fill_color=(255, 255, 255, 0)).to_pil()
    box = image.getbbox()
    if box:
        image = image.crop((box[0], 0, box[2], image.height))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def local_path(office) -> Path | None:
    """The office's emblem as a local file the renderers read (its PNG rendition beside an SVG, as
    render/docx.py expects), copied once from storage by content hash; None = no emblem uploaded."""
    if not office or not office.emblem:
        return None
    try:
        with office.emblem.open("rb") as handle:
            data = handle.read()
        png = None
        if office.emblem_png:
            with office.emblem_png.open("rb") as handle:
                png = handle.read()
    except OSError:
        return None
    kind = "png" if data.startswith(PNG_MAGIC) else "svg"
    folder = Path(settings.DATA_DIR) / "emblems"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / hashlib.sha256(data).hexdigest()[:32]
    target = stem.with_suffix(f".{kind}")
    if not target.exists():
        _write(target, data)
    if kind == "svg" and png and not stem.with_suffix(".png").exists():
        _write(stem.with_suffix(".png"), png)
    return target


def _write(path: Path, data: bytes) -> None:
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(data)
    partial.replace(path)
