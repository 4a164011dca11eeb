"""Files for intake tests, made here: text, DOCX, PDFs (with a text layer, encrypted, corrupt),
and page images rendered with the shipped Sarabun font."""

import hashlib
import io
from pathlib import Path

import pytest

FONT = Path(__file__).resolve().parents[2] / "prasan/static/fonts/Sarabun-Regular.ttf"
LETTERS = Path(__file__).resolve().parents[2] / "bench/letters"


def pytest_configure(config):
    config.addinivalue_line("markers", "ocr: runs Tesseract for real (a few seconds)")


@pytest.fixture
def letter_text():
    return (LETTERS / "01_ext_obec_teachers.txt").read_text(encoding="utf-8")


def docx_bytes(lines: list[str], table_rows: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A PDF with a text layer, as WeasyPrint writes it with Sarabun."""
    import html

    import weasyprint

    body = "".join(f"<div>{html.escape(line) or '&nbsp;'}</div>" for line in lines)
    page = (f'<html><head><meta charset="utf-8"><style>@font-face {{ font-family: S; src: url("{FONT.as_uri()}"); }}'
            f"body {{ font-family: S; font-size: 14pt; }} div {{ white-space: pre; }}</style></head>"
            f"<body>{body}</body></html>")
    return weasyprint.HTML(string=page).write_pdf()


def page_image(lines: list[str], dpi: int = 200, size_pt: float = 16):
    """Lines drawn on a white page, as a scan at `dpi` would show them."""
    from PIL import Image, ImageDraw, ImageFont

    px = size_pt / 72 * dpi
    font = ImageFont.truetype(str(FONT), round(px), layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (round(8.27 * dpi), round(len(lines) * px * 1.5 + dpi)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((round(1.2 * dpi), round(dpi / 2 + number * px * 1.5)), line, font=font, fill=0)
    image.info["dpi"] = (dpi, dpi)
    return image


def png_bytes(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", dpi=image.info.get("dpi", (200, 200)))
    return out.getvalue()


_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf_bytes(user_password: bytes = b"secret") -> bytes:
    """A one-page PDF under the standard security handler (RC4, revision 2) with a user password:
    readers must ask for the password to open it (PDF 1.7, 7.6.3.3, algorithms 2–4)."""
    pad = lambda pw: (pw + _PADDING)[:32]  # noqa: E731
    owner = _rc4(hashlib.md5(pad(b"owner")).digest()[:5], pad(user_password))
    file_id = hashlib.md5(b"prasan-test").digest()
    permissions = -4
    key = hashlib.md5(pad(user_password) + owner + permissions.to_bytes(4, "little", signed=True)
                      + file_id).digest()[:5]
    user = _rc4(key, _PADDING)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
        + user.hex().encode() + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
            f"/ID [<{file_id.hex()}> <{file_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def huge_png_header(width: int = 10_000, height: int = 10_000) -> bytes:
    """A PNG that claims to be width × height pixels (no image data: only its header is read)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
