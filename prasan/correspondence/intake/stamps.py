"""Red rubber stamps on a scan: the urgency (ด่วนที่สุด / ด่วนมาก / ด่วน) and secrecy (ลับที่สุด / ลับมาก / ลับ)
marks are stamped in red, often across the letterhead.

In grey they are dark blots over the number and the office's name, and OCR reads neither. Here the red ink
is found from the colour channels (red well above green and blue), lifted off the page before the page is
read, and each stamp is read on its own, with Tesseract limited to the letters of the marks, then matched to
the nearest mark. A stamp that matches none closely is dropped (a red signature or a received-date stamp).
"""

import os
import subprocess
import tempfile
from pathlib import Path

MARKS = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน", "ลับที่สุด", "ลับมาก", "ลับ")
_LETTERS = "".join(sorted(set("".join(MARKS))))
REDNESS = 70  # red minus the larger of green and blue, 0–255
MIN_INK = 150  # red pixels, below which there is no stamp (specks, a red pen tick)


def split_red(image):
    """(the page in grey with the red ink lifted off, [stamp crops, black on white, top to bottom])."""
    from PIL import Image, ImageChops

    if image.mode not in ("RGB", "RGBA", "P"):
        return image, []
    rgb = image.convert("RGB")
    red, green, blue = rgb.split()
    redness = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    mask = redness.point(lambda v: 255 if v >= REDNESS else 0)
    histogram = mask.histogram()
    if histogram[255] < MIN_INK:
        grey = rgb.convert("L")
        grey.info.update(image.info)
        return grey, []
    grey = rgb.convert("L")
    grey.info.update(image.info)
    # the stamp's ink and its anti-aliased edge go white; what lay under it (black type) stays
    grey.paste(255, mask=mask.filter(_grow()))
    crops = []
    for top, bottom in _runs(_profile(mask), gap=max(image.height // 150, 4)):
        band = mask.crop((0, top, mask.width, bottom))
        box = band.getbbox()
        if box is None or bottom - top < 12:
            continue
        stamp = band.crop(box)
        pad = 12
        crop = Image.new("L", (stamp.width + 2 * pad, stamp.height + 2 * pad), 255)
        crop.paste(0, (pad, pad), stamp)
        crops.append(crop)
    return grey, crops


def _grow():
    from PIL import ImageFilter

    return ImageFilter.MaxFilter(3)


def _profile(mask) -> list[int]:
    """Red pixels in each row."""
    width, height = mask.size
    data = mask.tobytes()
    return [data[y * width:(y + 1) * width].count(255) for y in range(height)]


def _runs(profile: list[int], gap: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = last = None
    for y, value in enumerate(profile):
        if value >= 3:
            if start is None:
                start = y
            elif y - last > gap:
                runs.append((start, last + 1))
                start = y
            last = y
    if start is not None:
        runs.append((start, last + 1))
    return runs


def read_stamps(crops: list, tesseract: str, languages: str = "tha") -> list[str]:
    """The marks the stamps say, top to bottom (unrecognised stamps left out)."""
    marks = []
    with tempfile.TemporaryDirectory(prefix="prasan-stamp-") as tmp:
        for number, crop in enumerate(crops):
            path = Path(tmp) / f"{number}.png"
            crop.save(path, dpi=(300, 300))
            # one stamp is one line (psm 7); red ink set close together (the letter's own red mark under
            # a stamp) is a block of lines (psm 6), each matched on its own
            for psm in ("7", "6"):
                found = [m for m in map(nearest_mark, _read(tesseract, path, languages, psm)) if m]
                if found:
                    marks += [m for m in dict.fromkeys(found) if m not in marks]
                    break
    return marks


def _read(tesseract: str, path: Path, languages: str, psm: str) -> list[str]:
    command = [tesseract, str(path), "stdout", "-l", languages, "--psm", psm,
               "-c", f"tessedit_char_whitelist={_LETTERS}"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=30, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        return []
    return done.stdout.decode("utf-8", "replace").split("\n")


def nearest_mark(text: str) -> str | None:
    """The mark `text` is closest to, if it is close (at most a third of its letters wrong)."""
    text = "".join(text.split())
    if not text:
        return None
    best = min(MARKS, key=lambda mark: (_distance(text, mark), -len(mark)))
    return best if _distance(text, best) <= max(len(best) // 3, 1) else None


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
