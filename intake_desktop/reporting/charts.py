"""Pictures for the summaries: trend lines over visits, and the patient's walking-distance bars.

Plain ReportLab graphics (a :class:`Drawing` is a flowable). Every text comes in from the caller,
already in the template's words, so nothing here is English. Dates go on the time axis as day
numbers, so visits months apart sit months apart; treatments are dashed vertical lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

#: Distinct line colours that stay apart in greyscale print too (dark, mid, light).
LINE_COLOURS = ("#1F4E79", "#C55A11", "#548235", "#7030A0")
MARKERS = ("FilledCircle", "FilledSquare", "FilledDiamond", "FilledTriangle")
RULE = colors.HexColor("#C9D3DD")
MARK = colors.HexColor("#B3261E")


@dataclass(frozen=True)
class Series:
    """One series of a chart: its legend text and its points, oldest first."""

    name: str
    points: Sequence[tuple[date, float]]


@dataclass(frozen=True)
class Threshold:
    """A level a series should not fall below, drawn dashed from ``start`` to ``end``."""

    value: float
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Highlight:
    """One point ringed in the alert colour (the fall that raised an alert)."""

    day: date
    value: float
    label: str


@dataclass(frozen=True)
class Frame:
    """What a chart's frame shows: days ``x0``..``x1`` (ordinals), values ``lo``..``hi``.

    Both are a little wider than the data, so no point, ring or threshold sits on the frame.
    ``y_ticks`` are the labelled values (the data's range, not the padding).
    """

    x0: int
    x1: int
    lo: float
    hi: float
    y_ticks: tuple[float, ...]


#: Room kept around the data, as a share of each span.
_PAD = 0.05
#: Plot height in points.
PLOT_HEIGHT = 110.0


def chart_frame(
    lines: Sequence[Series],
    *,
    x_range: tuple[date, date] | None = None,
    y_range: tuple[float, float] | None = None,
    threshold: Threshold | None = None,
) -> Frame:
    """The frame of a chart: the shared date range (or the data's), padded; the value range.

    Every chart of one patient is given the same ``x_range`` (the first to the last visit), so
    one date sits at the same place on each and the charts can be read against each other.
    """
    days = [d for ln in lines for d, _ in ln.points]
    first, last = x_range or (min(days), max(days))
    span = last.toordinal() - first.toordinal()
    pad = max(10, round(span * _PAD))
    values = [float(v) for ln in lines for _, v in ln.points]
    if threshold is not None:
        values.append(threshold.value)
    lo, hi = y_range or (0.0, _nice_top(max(values)))
    step = _nice_step(hi - lo)
    ticks = tuple(lo + i * step for i in range(round((hi - lo) / step) + 1))
    room = (hi - lo) * _PAD
    return Frame(first.toordinal() - pad, last.toordinal() + pad, lo - room, hi + room, ticks)


def time_chart(
    title: str,
    lines: Sequence[Series],
    *,
    injections: Sequence[date],
    injection_label: str,
    date_label: Callable[[date], str],
    width: float,
    font: str,
    size: float,
    y_range: tuple[float, float] | None = None,
    x_range: tuple[date, date] | None = None,
    day_label: Callable[[date], str] | None = None,
    threshold: Threshold | None = None,
    highlight: Highlight | None = None,
    rule: colors.Color = RULE,
    marker: colors.Color = MARK,
    value_label: Callable[[float], str] | None = None,
) -> Drawing:
    """A small line chart over time with a title above and the legend below.

    ``value_label`` writes the value axis's numbers in the reader's way (``2,5`` in Spanish);
    without it they print as Python writes them.

    Date labels are thinned until none overlaps (month starts every 1, 2, 3 … months; for a
    range of a few weeks, the visit days themselves with ``day_label``). A ``threshold`` is a
    dashed level line, a ``highlight`` a ring round one point; both join the legend.
    """
    lines = [ln for ln in lines if ln.points]
    frame = chart_frame(lines, x_range=x_range, y_range=y_range, threshold=threshold)
    x0, x1 = frame.x0, frame.x1
    shown = [d for d in injections if x0 <= d.toordinal() <= x1]
    items = _legend_items(lines, shown, injection_label, threshold, highlight)
    legend_rows = _legend_rows(items, font, size * 0.85, width)
    height = size * 1.6 + PLOT_HEIGHT + size * 2.2 + legend_rows * size * 1.3
    d = _drawing(width, height, font)
    d.add(String(0, height - size * 1.1, title, fontName=font, fontSize=size))
    plot = LinePlot()
    plot.x = size * 3.2
    plot.y = legend_rows * size * 1.3 + size * 2.2
    plot.width = width - plot.x - size
    plot.height = PLOT_HEIGHT
    plot.data = [[(p.toordinal(), float(v)) for p, v in ln.points] for ln in lines]
    xa = plot.xValueAxis
    xa.valueMin, xa.valueMax = x0, x1
    days = sorted({d for ln in lines for d, _ in ln.points})
    label_size = size * 0.8
    xa.valueSteps, labels = _date_ticks(
        frame, days, plot.width, date_label, day_label or date_label, font, label_size
    )
    xa.labelTextFormat = lambda v: labels[int(v)]
    ya = plot.yValueAxis
    ya.valueMin, ya.valueMax = frame.lo, frame.hi
    ya.valueSteps = list(frame.y_ticks)
    ya.labelTextFormat = value_label or _number
    ya.visibleGrid = True
    ya.gridStrokeColor = rule
    ya.gridStrokeWidth = 0.4
    for axis in (xa, ya):
        axis.labels.fontName = font
        axis.labels.fontSize = label_size
        axis.strokeColor = colors.HexColor("#5B6770")
    xa.labels.dy = -2
    for i in range(len(lines)):
        colour = colors.HexColor(LINE_COLOURS[i % len(LINE_COLOURS)])
        plot.lines[i].strokeColor = colour
        plot.lines[i].strokeWidth = 1.4
        plot.lines[i].symbol = makeMarker(MARKERS[i % len(MARKERS)], size=4, fillColor=colour)
    d.add(plot)

    def at(day: date, value: float) -> tuple[float, float]:
        x = plot.x + (day.toordinal() - x0) / (x1 - x0) * plot.width
        y = plot.y + (value - frame.lo) / (frame.hi - frame.lo) * plot.height
        return x, y

    for day in shown:  # after the plot, so the mark sits on top of the grid
        d.add(_injection_line(at(day, 0)[0], plot.y, plot.y + plot.height, marker))
    if threshold is not None:
        (a, y), (b, _) = at(threshold.start, threshold.value), at(threshold.end, threshold.value)
        d.add(_threshold_line(a - 6, b + 6, y, marker))
    if highlight is not None:
        d.add(_ring(*at(highlight.day, highlight.value), marker))
    _legend(d, items, font, size * 0.85, width, marker)
    return d


def _number(value: float) -> str:
    return f"{value:g}"


def _date_ticks(
    frame: Frame,
    days: Sequence[date],
    room: float,
    month_label: Callable[[date], str],
    day_label: Callable[[date], str],
    font: str,
    size: float,
) -> tuple[list[int], dict[int, str]]:
    """Tick days and their labels, as many as fit without two labels touching.

    Month starts every 1, 2, 3, 4, 6 or 12+ months, the first spacing whose labels all stand
    at least a gap apart; under two month starts in range, the visit days, thinned alike.
    """
    gap = size * 1.2
    scale = room / (frame.x1 - frame.x0)

    def fits(ticks: list[int], labels: dict[int, str]) -> bool:
        for a, b in pairwise(ticks):
            need = (stringWidth(labels[a], font, size) + stringWidth(labels[b], font, size)) / 2
            if (b - a) * scale < need + gap:
                return False
        return True

    first, last = date.fromordinal(frame.x0), date.fromordinal(frame.x1)
    months = [
        date(y, m, 1)
        for y in range(first.year, last.year + 1)
        for m in range(1, 13)
        if frame.x0 <= date(y, m, 1).toordinal() <= frame.x1
    ]
    if len(months) >= 2:
        for step in (1, 2, 3, 4, 6, 12, 24, 36, 60, 120):
            chosen = [m for m in months if (m.year * 12 + m.month - 1) % step == 0]
            labels = {m.toordinal(): month_label(m) for m in chosen}
            ticks = sorted(labels)
            if len(ticks) >= 2 and fits(ticks, labels):
                return ticks, labels
    labels = {d.toordinal(): day_label(d) for d in days}
    kept: list[int] = []
    for tick in sorted(labels):  # greedy: keep each day that clears the last one kept
        if not kept or fits([kept[-1], tick], labels):
            kept.append(tick)
    return kept, labels


def walking_bars(
    points: Sequence[tuple[date, float]],
    *,
    date_label: Callable[[date], tuple[str, str]],
    value_label: Callable[[float], str],
    width: float,
    font: str,
    bold: str,
    size: float,
    colour: colors.Color,
    muted: colors.Color,
) -> Drawing:
    """Bars of painless walking distance per visit, the number on each bar, dates underneath.

    For the patient: no axis to read, just bars that grow when walking gets easier.
    """
    n = len(points)
    bar_area = 120.0
    base = size * 2.8
    height = base + bar_area + size * 1.6
    d = _drawing(width, height, font)
    top = max(float(v) for _, v in points) or 1.0
    slot = width / max(n, 4)
    bar_w = min(slot * 0.55, 60)
    for i, (day, value) in enumerate(points):
        cx = slot * (i + 0.5)
        h = max(1.5, bar_area * float(value) / top)
        last = i == n - 1
        d.add(Rect(cx - bar_w / 2, base, bar_w, h, fillColor=colour if last else muted,
                   strokeColor=None))  # fmt: skip
        d.add(String(cx, base + h + size * 0.35, value_label(value), fontName=bold,
                     fontSize=size, textAnchor="middle"))  # fmt: skip
        first_line, second_line = date_label(day)
        d.add(String(cx, base - size * 1.15, first_line, fontName=font, fontSize=size,
                     textAnchor="middle"))  # fmt: skip
        d.add(String(cx, base - size * 2.3, second_line, fontName=font, fontSize=size,
                     textAnchor="middle"))  # fmt: skip
    d.add(Line(0, base, slot * n, base, strokeColor=colors.HexColor("#5B6770"), strokeWidth=0.8))
    return d


def _drawing(width: float, height: float, font: str) -> Drawing:
    """An empty drawing whose starting font is ``font``: ReportLab's default start is Helvetica,
    which would be listed in the PDF without being embedded (though no letter uses it)."""
    d = Drawing(width, height)
    d.initialFontName = font
    return d


def _injection_line(x: float, y0: float, y1: float, colour: colors.Color) -> Line:
    return Line(x, y0, x, y1, strokeColor=colour, strokeWidth=1.1, strokeDashArray=[3, 2])


def _threshold_line(x0: float, x1: float, y: float, colour: colors.Color) -> Line:
    return Line(x0, y, x1, y, strokeColor=colour, strokeWidth=1.0, strokeDashArray=[1.2, 1.8])


def _ring(x: float, y: float, colour: colors.Color) -> Circle:
    return Circle(x, y, 5, strokeColor=colour, strokeWidth=1.4, fillColor=None)


#: A legend entry: its text, what it shows ("series", "injection", "threshold", "highlight")
#: and, for a series, its index.
_Item = tuple[str, str, int]


def _legend_items(
    lines: Sequence[Series],
    injections: Sequence[date],
    injection_label: str,
    threshold: Threshold | None,
    highlight: Highlight | None,
) -> list[_Item]:
    items: list[_Item] = [(ln.name, "series", i) for i, ln in enumerate(lines)]
    if injections:
        items.append((injection_label, "injection", 0))
    if threshold is not None:
        items.append((threshold.label, "threshold", 0))
    if highlight is not None:
        items.append((highlight.label, "highlight", 0))
    return items


def _legend_rows(items: Sequence[_Item], font: str, size: float, width: float) -> int:
    rows, x = 1, 0.0
    for text, _, _ in items:
        w = 16 + stringWidth(text, font, size) + 10
        if x and x + w > width:
            rows, x = rows + 1, 0.0
        x += w
    return rows


def _legend(
    d: Drawing,
    items: Sequence[_Item],
    font: str,
    size: float,
    width: float,
    marker: colors.Color,
) -> None:
    rows = _legend_rows(items, font, size, width)
    x, y = 0.0, (rows - 1) * size * 1.3 + 2
    for text, kind, index in items:
        w = 16 + stringWidth(text, font, size) + 10
        if x and x + w > width:
            x, y = 0.0, y - size * 1.3
        mid = y + size * 0.3
        if kind == "injection":
            d.add(_injection_line(x + 6, y - 1, y + size, marker))
        elif kind == "threshold":
            d.add(_threshold_line(x, x + 12, mid, marker))
        elif kind == "highlight":
            d.add(_ring(x + 6, mid, marker))
        else:
            colour = colors.HexColor(LINE_COLOURS[index % len(LINE_COLOURS)])
            d.add(Line(x, mid, x + 12, mid, strokeColor=colour, strokeWidth=1.4))
            d.add(makeMarker(MARKERS[index % len(MARKERS)], x=x + 6, y=mid, size=4,
                             fillColor=colour))  # fmt: skip
        d.add(String(x + 16, y, text, fontName=font, fontSize=size))
        x += w


def _nice_top(value: float) -> float:
    """The axis top: a round number at or above ``value`` (1, 2, 2.5, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * power >= value:
            return m * power
    return 10 * power


def _nice_step(span: float) -> float:
    for step in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if span / step <= 6:
            return step
    return span / 5
