"""Glyph matching for OCR repairs: cut a small image into glyphs and match each against
characters drawn in the Thai fonts on the machine.

Used where Tesseract's Thai model is blind: the digits ๔ ๖ ๗ ๘ ๙ (not in its character set)
and the two-letter codes that start letter numbers (ศธ read as ศจ5, AS). Fonts: Sarabun
(shipped) and the TLWG fonts (Laksaman is TH SarabunPSK's libre twin; Garuda, Norasi, Loma, …).
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
CODE_LETTERS = "กขคงจฉชซณดตถทธนบปผพฟภมยรลวศษสหอ"
GRID = 28
TEMPLATE_PX = 60  # about 14 pt at 300 dpi, the size glyphs arrive at
MAX_DISTANCE = 34  # mean absolute difference (0–255) to the nearest template, both softened
FONT_DIRS = (Path(__file__).resolve().parents[2] / "static/fonts", Path("/usr/share/fonts/truetype/tlwg"))
FONT_NAMES = ("Sarabun-Regular", "Sarabun-Bold", "Laksaman", "Laksaman-Bold", "Garuda", "Norasi",
              "Loma", "Kinnari", "Waree", "Umpush", "TlwgTypo", "TlwgTypewriter", "Sawasdee")


@dataclass
class Box:
    left: int
    top: int
    right: int
    bottom: int


@dataclass
class Glyph:
    box: Box
    pixels: list[tuple[int, int]]

    @property
    def width(self) -> int:
        return self.box.right - self.box.left

    @property
    def height(self) -> int:
        return self.box.bottom - self.box.top


def components(crop, edges: bool = True) -> list[Glyph]:
    """8-connected ink components of a small grayscale crop (Otsu threshold)."""
    gray = crop.convert("L")
    threshold = otsu(gray.histogram())
    width, height = gray.size
    ink = gray.point(lambda v: 1 if v < threshold else 0).tobytes()
    seen = bytearray(len(ink))
    glyphs = []
    min_area = max(6, (height // 22) ** 2 // 2)
    start = -1
    while True:
        start = ink.find(1, start + 1)
        if start < 0:
            break
        if seen[start]:
            continue
        stack, pixels = [start], []
        seen[start] = 1
        while stack:
            index = stack.pop()
            y, x = divmod(index, width)
            pixels.append((x, y))
            for dy in (-1, 0, 1):
                ny = y + dy
                if ny < 0 or ny >= height:
                    continue
                for dx in (-1, 0, 1):
                    nx = x + dx
                    if 0 <= nx < width:
                        neighbour = ny * width + nx
                        if ink[neighbour] and not seen[neighbour]:
                            seen[neighbour] = 1
                            stack.append(neighbour)
        if len(pixels) < min_area:
            continue
        xs = [p[0] for p in pixels]
        ys = [p[1] for p in pixels]
        box = Box(min(xs), min(ys), max(xs) + 1, max(ys) + 1)
        center = (box.top + box.bottom) / 2
        if edges and (box.top == 0 or box.bottom == height) and not height * 0.25 <= center <= height * 0.8:
            continue  # a mark or descender of the line above or below
        glyphs.append(Glyph(box, pixels))
    return _merge_split(glyphs)


def _merge_split(glyphs: list[Glyph]) -> list[Glyph]:
    """Join pieces of one glyph broken by thresholding (they overlap horizontally)."""
    glyphs = sorted(glyphs, key=lambda g: g.box.left)
    merged: list[Glyph] = []
    for glyph in glyphs:
        if merged:
            last = merged[-1]
            overlap = min(last.box.right, glyph.box.right) - max(last.box.left, glyph.box.left)
            narrower = min(last.box.right - last.box.left, glyph.box.right - glyph.box.left)
            if overlap > 0.6 * narrower:
                box = Box(min(last.box.left, glyph.box.left), min(last.box.top, glyph.box.top),
                          max(last.box.right, glyph.box.right), max(last.box.bottom, glyph.box.bottom))
                merged[-1] = Glyph(box, last.pixels + glyph.pixels)
                continue
        merged.append(glyph)
    return merged


def split_touching(glyphs: list[Glyph]) -> list[Glyph]:
    """Cut glyphs that print touching (๕๖ in Sarabun at 200 dpi, ๔/ ) where their ink is thinnest.

    Thai digits are of about one width; a component much wider than the run's usual glyph
    holds several.
    """
    widths = sorted(g.box.right - g.box.left for g in glyphs)
    heights = sorted(g.box.bottom - g.box.top for g in glyphs)
    usual = widths[len(widths) // 2] if len(glyphs) >= 3 else heights[-1]
    out = []
    for glyph in glyphs:
        width = glyph.box.right - glyph.box.left
        count = round(width / usual) if width > 1.5 * usual else 1
        if count < 2:
            out.append(glyph)
            continue
        columns = [0] * width
        for x, _ in glyph.pixels:
            columns[x - glyph.box.left] += 1
        cuts = []
        for k in range(1, count):
            centre = width * k // count
            window = range(max(centre - width // (3 * count), 1), min(centre + width // (3 * count), width - 1))
            cuts.append(min(window, key=lambda x: columns[x]) if window else centre)
        edges = [0, *cuts, width]
        for a, b in zip(edges, edges[1:], strict=False):
            pixels = [(x, y) for x, y in glyph.pixels if a <= x - glyph.box.left < b]
            if pixels:
                ys = [y for _, y in pixels]
                box = Box(glyph.box.left + a, min(ys), glyph.box.left + b, max(ys) + 1)
                out.append(Glyph(box, pixels))
    return out


def otsu(histogram: list[int]) -> int:
    total = sum(histogram)
    sum_all = sum(i * h for i, h in enumerate(histogram))
    best, threshold, weight_b, sum_b = 0.0, 128, 0, 0
    for level, count in enumerate(histogram):
        weight_b += count
        if weight_b == 0:
            continue
        weight_f = total - weight_b
        if weight_f == 0:
            break
        sum_b += level * count
        mean_b = sum_b / weight_b
        mean_f = (sum_all - sum_b) / weight_f
        between = weight_b * weight_f * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, level
    return threshold + 1


def normalised(pixels: list[tuple[int, int]], box: Box):
    """A glyph as a GRID×GRID grayscale image, scaled to fit with its aspect ratio kept."""
    from PIL import Image

    width, height = box.right - box.left, box.bottom - box.top
    glyph = Image.new("L", (width, height), 0)
    put = glyph.load()
    for x, y in pixels:
        put[x - box.left, y - box.top] = 255
    scale = (GRID - 2) / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    glyph = glyph.resize(size, Image.BILINEAR)
    canvas = Image.new("L", (GRID, GRID), 0)
    canvas.paste(glyph, ((GRID - size[0]) // 2, (GRID - size[1]) // 2))
    return canvas


def classify(glyph: Glyph, labels: str) -> tuple[str | None, float]:
    """The nearest template among `labels` and its distance; None if none is near enough.

    The templates are stacked in one image and the sample tiled beside them, so all distances
    come from one difference and one box-filter resize rather than a call per template.
    """
    from PIL import Image, ImageChops

    names, stack = _stacked(labels)
    sample = normalised(glyph.pixels, glyph.box).filter(_soften())
    tiled = Image.frombytes("L", stack.size, sample.tobytes() * len(names))
    means = ImageChops.difference(tiled, stack).resize((1, len(names)), Image.BOX).tobytes()
    best = min(range(len(names)), key=means.__getitem__)
    return (names[best] if means[best] <= MAX_DISTANCE else None), float(means[best])


def distance(glyph: Glyph, label: str) -> float:
    """How far the glyph is from `label` as any font draws it (0–255)."""
    from PIL import Image, ImageChops

    names, stack = _stacked(label)
    sample = normalised(glyph.pixels, glyph.box).filter(_soften())
    tiled = Image.frombytes("L", stack.size, sample.tobytes() * len(names))
    return float(min(ImageChops.difference(tiled, stack).resize((1, len(names)), Image.BOX).tobytes()))


@lru_cache(maxsize=64)
def _stacked(labels: str):
    from PIL import Image

    templates = [(label, image) for label, image in _templates() if label in labels]
    stack = Image.new("L", (GRID, GRID * len(templates)))
    for index, (_, image) in enumerate(templates):
        stack.paste(image, (0, GRID * index))
    return [label for label, _ in templates], stack


def _soften():
    """Compare softened shapes, so a one-pixel shift of a thin stroke costs little."""
    from PIL import ImageFilter

    return ImageFilter.GaussianBlur(1.0)


@lru_cache(maxsize=1)
def _templates() -> tuple:
    """Each digit, the slash and each code letter in each font, drawn softly and cut out as
    scans are."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    templates = []
    for name in FONT_NAMES:
        path = next((d / f"{name}.ttf" for d in FONT_DIRS if (d / f"{name}.ttf").exists()), None)
        if path is None:
            continue
        font = ImageFont.truetype(str(path), TEMPLATE_PX)
        for label in THAI_DIGITS + "/" + CODE_LETTERS:
            canvas = Image.new("L", (TEMPLATE_PX * 2, TEMPLATE_PX * 2), 255)
            ImageDraw.Draw(canvas).text((TEMPLATE_PX // 2, TEMPLATE_PX // 4), label, font=font, fill=0)
            found = components(canvas.filter(ImageFilter.GaussianBlur(0.8)))
            if found:
                glyph = max(found, key=lambda g: len(g.pixels))
                templates.append((label, normalised(glyph.pixels, glyph.box).filter(_soften())))
    return tuple(templates)
