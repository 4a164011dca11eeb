"""Hostile files built in memory, as the probe of issue 14 sent them (nothing big is committed)."""

import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def pdf_page(width: float, height: float) -> bytes:
    """A one-page PDF of this page box (points), with nothing on it: a scan-like page that needs OCR."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] >>".encode()]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def docx(body_chunks, extra_parts: int = 0, level: int = 9) -> bytes:
    """A DOCX whose document.xml is the chunks (streamed into the archive, never held whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode())
            for chunk in body_chunks:
                part.write(chunk)
            part.write(b"</w:body></w:document>")
        for number in range(extra_parts):
            archive.writestr(f"word/media/part{number}.xml", "<x/>")
    return out.getvalue()


def zip_bomb(unpacked: int = 1_000_000_000) -> bytes:
    """About 1 MB that unpacks to `unpacked` bytes of one paragraph's text (the probe's: 41 s, 2.2 GB)."""
    chunk = b"a" * (4 * 1024 * 1024)

    def chunks():
        yield b"<w:p><w:r><w:t>"
        for _ in range(unpacked // len(chunk)):
            yield chunk
        yield b"</w:t></w:r></w:p>"

    return docx(chunks())


def paragraph_bomb(paragraphs: int = 8_700_000) -> bytes:
    """About 113 KB of empty paragraphs (the probe's held a web thread 589 s)."""
    chunk = b"<w:p/>" * 100_000
    return docx(chunk for _ in range(paragraphs // 100_000))


def letter_docx(paragraphs: list[str]) -> bytes:
    return docx([f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() for text in paragraphs])


def many_parts(parts: int = 5000) -> bytes:
    return docx([b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"], extra_parts=parts)


def pixel_bomb_png(side: int = 100_000) -> bytes:
    """A PNG header claiming side × side pixels (10 giga-pixels) over a few bytes of data."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
            + chunk(b"IEND", b""))
