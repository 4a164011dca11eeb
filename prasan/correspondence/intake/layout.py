"""Find the text lines on a page image, so each can be read on its own.

Tesseract's page layout splits Thai lines set in Sarabun/TH Sarabun: the stacked vowel and tone
marks sit so high above the letters that they become a "line" of their own (read as garbage) and
the letters lose them (ที่ → ที). Reading one line at a time (`--psm 7`) keeps the marks with
their letters. Lines are found from the ink profile: each line's dense middle band (the
x-height zone) is a core; lines are cut at the emptiest row between cores.
"""

from dataclasses import dataclass

from PIL import Image, ImageFilter

SKEW_COARSE = [a / 2 for a in range(-4, 5)]  # −2° … 2°, then ±0.25° around the best


SEAM_BLOCK = 8  # columns per step of a seam
# Where between two lines' cores a winding seam tends to run, from the upper one (0) to the lower one (1).
# Not the middle: above a Thai line stand two levels of marks (a vowel, and a tone mark on it: ขั้น พื้น), below
# the line above only one (ุ ู). Cut in the middle, the tone marks went with the line above, and OCR read
# ขั้นพื้นฐาน as ขันพีนฐาน; at 0.3 the 300-dpi scans' fields went from 92.9 to 96.4 % (layout part).
SEAM_AT = 0.3
SPLIT_DIP = 0.6  # a tall core is two lines only where its ink thins to this share of its median row


@dataclass
class Strip:
    top: int
    bottom: int
    gap_before: float  # blank space above, in line pitches (about 1 = an empty line)
    upper: list[int] | None = None  # the seam above, one y per SEAM_BLOCK columns (page rows)
    lower: list[int] | None = None  # the seam below


def clean(image: Image.Image) -> Image.Image:
    """Grayscale, speckle removed, lit evenly, straightened."""
    image = flatten(image.convert("L").filter(ImageFilter.MedianFilter(3)))
    angle = skew_angle(image)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    return image


BACKGROUND_STEP = 8  # the paper's brightness is estimated on a page this many times smaller
EVEN_LIGHT = 0.85  # paper nowhere darker than this share of its brightest is lit evenly enough


def flatten(image: Image.Image) -> Image.Image:
    """The page divided by its own paper: each pixel as a share of the paper's brightness around it.

    A scan lit unevenly (a shadow towards the binding, a phone photo, grey recycled paper) has no one
    threshold between ink and paper: Otsu's, taken over the whole page, called the darker half of a plainly
    readable letter ink, and every field of it was lost. The paper's brightness is the local maximum over
    an area wider than any stroke (letters vanish from it), smoothed; dividing by it makes the paper white
    everywhere and leaves the ink as dark as it was against its own paper — an adaptive threshold, in effect,
    for the line finder (Otsu) and for Tesseract after it.
    """
    from PIL import ImageMath

    small = image.resize((max(image.width // BACKGROUND_STEP, 1), max(image.height // BACKGROUND_STEP, 1)),
                         Image.BOX)
    paper = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(4))
    darkest, brightest = paper.getextrema()
    if darkest >= EVEN_LIGHT * brightest:
        return image  # lit evenly: Otsu's one threshold serves, and Tesseract reads the page as scanned
    paper = paper.resize(image.size, Image.BILINEAR)
    out = ImageMath.lambda_eval(
        lambda a: a["convert"](a["min"](a["image"] * 255 / (a["paper"] + 1), 255), "L"),
        image=image, paper=paper)
    out.info.update(image.info)
    return out


def ink(image: Image.Image, threshold: int | None = None) -> Image.Image:
    """1 where there is ink, 0 elsewhere (mode L), by Otsu's threshold unless given."""
    if threshold is None:
        from .glyphs import otsu

        threshold = otsu(image.histogram())
    return image.point(lambda v: 1 if v < threshold else 0)


def row_profile(binary: Image.Image) -> list[int]:
    width, height = binary.size
    data = binary.tobytes()
    return [sum(data[y * width:(y + 1) * width]) for y in range(height)]


def skew_angle(image: Image.Image) -> float:
    """The rotation that makes text rows sharpest (largest variance of the row profile)."""
    small = ink(image.resize((max(image.width // 6, 1), max(image.height // 6, 1))))

    def sharpness(angle: float) -> float:
        rotated = small.rotate(angle, resample=Image.NEAREST, fillcolor=0) if angle else small
        profile = row_profile(rotated)
        mean = sum(profile) / len(profile)
        return sum((p - mean) ** 2 for p in profile)

    best = max(SKEW_COARSE, key=sharpness)
    return max((best - 0.25, best, best + 0.25), key=sharpness)


def find_lines(image: Image.Image) -> list[Strip]:
    """The page's text lines, top to bottom, each bounded by seams that wind between the
    marks and tails of neighbouring lines rather than cutting through them."""
    binary = ink(image)
    profile = row_profile(binary)
    cores = _cores(profile)
    if not cores:
        return []
    core_height = sorted(b - a for a, b in cores)[len(cores) // 2]
    pitches = [b[0] - a[0] for a, b in zip(cores, cores[1:], strict=False)]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else core_height * 2.5
    cost = _seam_costs(binary)
    seams = [_cut(profile, cost, end, start) for (_, end), (start, _) in zip(cores, cores[1:], strict=False)]
    reach = round(core_height * 1.4)  # marks above and vowels below the first and last line
    strips = []
    for index, (start, end) in enumerate(cores):
        upper = seams[index - 1] if index else None
        lower = seams[index] if index < len(seams) else None
        top = min(upper) if upper else max(start - reach, 0)
        bottom = max(lower) if lower else min(end + reach, image.height)
        gap = (start - cores[index - 1][0]) / pitch - 1 if index else 0.0
        strips.append(Strip(top, bottom, gap, upper, lower))
    return strips


def strip_image(page: Image.Image, strip: Strip, margin: int = 4) -> Image.Image:
    """The strip cut from the page, blank beyond its seams."""
    from PIL import ImageChops, ImageDraw

    top, bottom = max(strip.top - margin, 0), min(strip.bottom + margin, page.height)
    crop = page.crop((0, top, page.width, bottom))
    if not strip.upper and not strip.lower:
        return crop
    width = page.width
    upper = strip.upper or [top] * (width // SEAM_BLOCK + 1)
    lower = strip.lower or [bottom] * (width // SEAM_BLOCK + 1)
    outline = [(i * SEAM_BLOCK, y - top) for i, y in enumerate(upper)] + [(width, upper[-1] - top)]
    outline += [(width, lower[-1] - top)] + [(i * SEAM_BLOCK, y - top) for i, y in reversed(list(enumerate(lower)))]
    mask = Image.new("L", crop.size, 255)
    ImageDraw.Draw(mask).polygon(outline, fill=0)
    return ImageChops.lighter(crop, mask)


def _seam_costs(binary: Image.Image) -> tuple[bytes, int]:
    """Ink per SEAM_BLOCK-wide cell of each row (0–255), as bytes, with the row length."""
    wide = binary.point(lambda v: 255 if v else 0)
    columns = max(binary.width // SEAM_BLOCK, 1)
    return wide.resize((columns, binary.height), Image.BOX).tobytes(), columns


def _cut(profile: list[int], cost: tuple[bytes, int], first: int, last: int) -> list[int]:
    """A straight cut through the widest blank band between two lines, else a winding seam.

    (A blank row right under the letters may only separate them from their own vowels below.)
    """
    best, run_start = None, None
    for y in range(first, last + 2):
        blank = y <= last and profile[y] == 0
        if blank and run_start is None:
            run_start = y
        elif not blank and run_start is not None:
            if best is None or y - run_start > best[1] - best[0]:
                best = (run_start, y)
            run_start = None
    if best and best[1] - best[0] >= max((last - first) // 4, 3):
        return [(best[0] + best[1]) // 2] * cost[1]
    return _seam(cost, first, last)


def _seam(cost: tuple[bytes, int], first: int, last: int) -> list[int]:
    """The least-ink path from left to right between rows `first` and `last` (dynamic programming)."""
    data, columns = cost
    rows = list(range(first, max(last, first) + 1))
    count = len(rows)
    middle = (count - 1) * SEAM_AT
    # a slight pull to the cut's usual place breaks ties away from the cores
    bias = [abs(i - middle) / (count or 1) for i in range(count)]
    offsets = [row * columns for row in rows]
    total = [data[offsets[i]] + bias[i] for i in range(count)]
    back: list[list[int]] = []
    indexes = range(count)
    for x in range(1, columns):
        step = []
        new = []
        for i in indexes:
            j = i
            best = total[i]
            if i and total[i - 1] < best:
                j, best = i - 1, total[i - 1]
            if i + 1 < count and total[i + 1] < best:
                j, best = i + 1, total[i + 1]
            step.append(j)
            new.append(best + data[offsets[i] + x] + bias[i])
        back.append(step)
        total = new
    i = min(indexes, key=total.__getitem__)
    path = [i]
    for step in reversed(back):
        i = step[i]
        path.append(i)
    path.reverse()
    return [rows[i] for i in path]


def _cores(profile: list[int]) -> list[tuple[int, int]]:
    """Runs of rows dense for their neighbourhood: each line's x-height zone.

    The threshold is local (a share of the densest row nearby), so a one-word line between full
    lines still counts. Runs much thinner than a line's x-height — the zones of marks above and
    vowels below, and specks — are not cores; they go with the line they belong to.
    """
    smooth = [sum(profile[max(y - 1, 0): y + 2]) / 3 for y in range(len(profile))]
    runs = _dense_runs(smooth, reach=30)
    if not runs:
        return []
    tall = sorted(b - a for a, b in runs)[int(len(runs) * 0.9)]
    runs = _dense_runs(smooth, reach=max(tall, 10))
    cores = [run for run in runs if run[1] - run[0] >= 0.55 * tall]
    if not cores:
        return []
    usual = sorted(b - a for a, b in cores)[len(cores) // 2]
    return [part for core in cores for part in _split_core(smooth, core, usual)]


def _split_core(smooth: list[float], core: tuple[int, int], usual: int) -> list[tuple[int, int]]:
    """Two lines set close (a date right under an address) can read as one tall core: cut it
    at its thinnest row, as many times as its height holds lines. A title in a larger type (a memo's
    บันทึกข้อความ) is tall too, but has no thin row: cut, each half read as nonsense."""
    start, end = core
    if end - start < 1.7 * usual:
        return [core]
    margin = max(usual // 3, 1)
    cut = min(range(start + margin, end - margin), key=lambda y: smooth[y])
    rows = sorted(smooth[start:end])
    if smooth[cut] > SPLIT_DIP * rows[len(rows) // 2]:
        return [core]
    return _split_core(smooth, (start, cut), usual) + _split_core(smooth, (cut, end), usual)


def _dense_runs(smooth: list[float], reach: int) -> list[tuple[int, int]]:
    floor = max(max(smooth) * 0.01, 1)
    local = _sliding_max(smooth, reach)
    runs, start = [], None
    for y in range(len(smooth) + 1):
        dense = y < len(smooth) and smooth[y] >= max(local[y] * 0.3, floor)
        if dense and start is None:
            start = y
        elif not dense and start is not None:
            runs.append((start, y))
            start = None
    return runs


def _sliding_max(values: list[float], reach: int) -> list[float]:
    """The largest value within `reach` of each position."""
    from collections import deque

    out: list[float] = []
    window: deque[int] = deque()
    n = len(values)
    for y in range(n + reach):
        if y < n:
            while window and values[window[-1]] <= values[y]:
                window.pop()
            window.append(y)
        centre = y - reach
        if centre >= 0:
            while window[0] < centre - reach:
                window.popleft()
            out.append(values[window[0]])
    return out


# ---- dotted leaders ---------------------------------------------------------------------------------------

LEADER_DOTS = 6  # a run of at least this many dots in a row (`พ.ศ. ....` has four, and stays)


def erase_leaders(strip: Image.Image) -> Image.Image:
    """The line with its dotted leaders whited out.

    A memo's form prints a row of dots after each field (`ที่ สร ๐๑๐๐/๑๒๔๐ ........ วันที่`), and OCR reads
    them as letters glued to the words beside them (`ววันที่`, `๕๖๑๒ 7`). Column by column, a leader is a run
    of small ink blobs, each narrow and low, all on one band: where at least LEADER_DOTS follow one another
    with nothing above them, their columns are blanked.
    """
    binary = ink(strip)
    width, height = binary.size
    data = binary.transpose(Image.Transpose.TRANSPOSE).tobytes()  # one column of the strip per row here
    segments: list[list[int]] = []  # [first column, last column, top, bottom]
    for x in range(width):
        column = data[x * height:(x + 1) * height]
        top = column.find(1)
        if top < 0:
            continue
        bottom = column.rfind(1)
        if segments and segments[-1][1] == x - 1:
            segment = segments[-1]
            segment[1], segment[2], segment[3] = x, min(segment[2], top), max(segment[3], bottom)
        else:
            segments.append([x, x, top, bottom])
    if len(segments) < LEADER_DOTS:
        return strip
    tall = sorted(s[3] - s[2] + 1 for s in segments)
    letter = tall[len(tall) * 3 // 4]  # most blobs are letters: their usual height
    dots = [s for s in segments if s[3] - s[2] + 1 <= 0.3 * letter and s[1] - s[0] + 1 <= 0.4 * letter]
    runs: list[list[list[int]]] = []
    for dot in dots:
        last = runs[-1][-1] if runs else None
        if (last is not None and segments.index(dot) == segments.index(last) + 1
                and dot[0] - last[1] <= 1.5 * letter and abs(dot[3] - last[3]) <= 0.2 * letter):
            runs[-1].append(dot)
        else:
            runs.append([dot])
    leaders = [run for run in runs if len(run) >= LEADER_DOTS]
    if not leaders:
        return strip
    from PIL import ImageDraw

    strip = strip.copy()
    draw = ImageDraw.Draw(strip)
    for run in leaders:
        draw.rectangle((run[0][0], 0, run[-1][1], height), fill=255)
    return strip
