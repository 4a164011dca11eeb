"""Step 6, previews: the first pages as small PNGs for the confirm screen, drawn once, in the sandbox.

The web process only serves these files: it never renders a page (a hostile PDF rendered there held a web
thread 28 s and could ask for gigabytes). The size is chosen from the page box before drawing, so no preview
is ever larger than MAX_SIDE pixels on its long side.
"""

import io
from pathlib import Path

from . import detect

MAX_PAGES = 5
MAX_SIDE = 1600
SCALE = 1.2  # 86 dpi: an A4 page at 714 × 1010 px, readable beside the form


def render(data: bytes, detected: detect.Detected, out_dir: str | Path) -> int:
    """Write page-1.png … page-N.png into out_dir; the number of pages written."""
    out_dir = Path(out_dir)
    if detected.content_type == detect.PDF:
        images = _pdf_pages(data, min(detected.pages, MAX_PAGES))
    elif detected.is_image:
        images = _image_pages(data)
    else:
        return 0
    count = 0
    for count, image in enumerate(images, start=1):
        image.save(out_dir / f"page-{count}.png", "PNG", optimize=True)
    return count


def _pdf_pages(data: bytes, pages: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for index in range(pages):
            page = document[index]
            width, height = page.get_size()
            scale = min(SCALE, MAX_SIDE / max(width, height, 1))
            yield page.render(scale=scale).to_pil().convert("RGB")
            page.close()
    finally:
        document.close()


def _image_pages(data: bytes):
    from PIL import Image, ImageSequence

    with Image.open(io.BytesIO(data)) as image:
        for number, frame in enumerate(ImageSequence.Iterator(image)):
            if number >= MAX_PAGES:
                break
            page = frame.convert("RGB")
            page.thumbnail((MAX_SIDE, MAX_SIDE))
            yield page
