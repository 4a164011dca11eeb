"""Chart geometry for the dashboards' inline SVG: bars and a small line chart, drawn by templates.

Only numbers and positions are computed here; the templates write the SVG, so every label is
escaped like any other text on the page. Every bar and point is a link to the list behind it.
"""

import math
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One number on a dashboard and the filtered matter list it counts."""

    label: str
    value: int
    url: str
    key: str = ""
    tone: str = ""  # "", "bad", "warn", "ok": the colour of its bar


@dataclass
class BarRow:
    """One bar: its label on a line of its own, then the bar, then the number at its end.

    Heights are CSS pixels and widths percentages, so text keeps its size on a phone and a wide screen."""

    figure: Figure
    y: int
    percent: float

    @property
    def label_y(self) -> int:
        return self.y + 15

    @property
    def bar_y(self) -> int:
        return self.y + 21

    @property
    def value_y(self) -> int:
        return self.bar_y + BAR_HEIGHT - 1


BAR_ROW = 44
BAR_HEIGHT = 14
BAR_ROOM_FOR_VALUE = 16  # per cent of the width kept for the number after the longest bar


@dataclass
class BarChart:
    title: str
    desc: str
    rows: list[BarRow]
    height: int
    slug: str = ""

    @property
    def total(self) -> int:
        return sum(row.figure.value for row in self.rows)


def bar_chart(title: str, figures: list[Figure], *, desc: str = "", slug: str = "") -> BarChart:
    """Horizontal bars, the longest filling the width less room for its number."""
    top = max((f.value for f in figures), default=0) or 1
    rows = [BarRow(figure, i * BAR_ROW, round((100 - BAR_ROOM_FOR_VALUE) * figure.value / top, 2))
            for i, figure in enumerate(figures)]
    summary = "; ".join(f"{f.label} {f.value:,}" for f in figures)
    return BarChart(title, desc or summary, rows, max(len(figures), 1) * BAR_ROW + 4, slug=slug or _slug(title))


@dataclass
class Point:
    x: float  # per cent of the width
    y: int  # pixels from the top
    figure: Figure


@dataclass
class Segment:
    x1: float
    y1: int
    x2: float
    y2: int


@dataclass
class Series:
    name: str
    colour: str
    figures: list[Figure]
    points: list[Point] = field(default_factory=list)

    @property
    def segments(self) -> list[Segment]:
        return [Segment(a.x, a.y, b.x, b.y) for a, b in zip(self.points, self.points[1:], strict=False)]

    @property
    def total(self) -> int:
        return sum(f.value for f in self.figures)


@dataclass
class Tick:
    value: int
    y: int


@dataclass
class XLabel:
    text: str
    x: float
    anchor: str = "middle"
    minor: bool = False  # left out on narrow screens


@dataclass
class LineChart:
    title: str
    desc: str
    series: list[Series]
    ticks: list[Tick]
    x_labels: list[XLabel]
    height: int
    plot_top: int
    plot_bottom: int
    slug: str = ""


def nice_step(top: int, steps: int = 4) -> int:
    """A round step (1, 2 or 5 × 10ⁿ) so `steps` of them reach at least `top`."""
    if top <= steps:
        return 1
    raw = top / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * magnitude >= raw:
            return int(multiple * magnitude)
    return int(10 * magnitude)  # pragma: no cover — the loop always returns


def line_chart(title: str, labels: list[str], series: list[Series], *, desc: str = "", slug: str = "",
               height: int = 240, left: float = 5.0, right: float = 97.0) -> LineChart:
    """Lines over evenly spaced labels (weeks): x in per cent of the width, y in pixels, a round scale."""
    top, bottom = 14, height - 28
    highest = max((f.value for s in series for f in s.figures), default=0)
    step = nice_step(highest)
    scale_top = max(step * math.ceil(highest / step), step)
    span = max(len(labels) - 1, 1)

    def x_at(i: int) -> float:
        return round(left + (right - left) * i / span, 2)

    def y_at(value: int) -> int:
        return round(bottom - (bottom - top) * value / scale_top)

    for line in series:
        line.points = [Point(x_at(i), y_at(f.value), f) for i, f in enumerate(line.figures)]
    ticks = [Tick(v, y_at(v)) for v in range(0, scale_top + 1, step)]
    last = len(labels) - 1
    # The newest label always shows; older ones thin out so Thai dates do not collide.
    x_labels = [XLabel(text, x_at(i), "end" if i == last else "middle", minor=(last - i) % 4 != 0)
                for i, text in enumerate(labels) if (last - i) % 2 == 0]
    summary = "; ".join(f"{s.name}รวม {s.total:,} เรื่อง" for s in series)
    return LineChart(title, desc or summary, series, ticks, x_labels, height, top, bottom,
                     slug=slug or _slug(title))


def _slug(title: str) -> str:
    return "chart-" + str(abs(hash(title)) % 10**8)
