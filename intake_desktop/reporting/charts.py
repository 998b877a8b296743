"""Pictures for the summaries: trend lines over visits, and the patient's walking-distance bars.

Plain ReportLab graphics (a :class:`Drawing` is a flowable). Every text comes in from the caller,
already in the template's words, so nothing here is English. Dates go on the time axis as day
numbers, so visits months apart sit months apart; treatments are dashed vertical lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

#: Distinct line colours that stay apart in greyscale print too (dark, mid, light).
LINE_COLOURS = ("#1F4E79", "#C55A11", "#548235", "#7030A0")
MARKERS = ("FilledCircle", "FilledSquare", "FilledDiamond", "FilledTriangle")
MAX_TICKS = 5
RULE = colors.HexColor("#C9D3DD")
MARK = colors.HexColor("#B3261E")


@dataclass(frozen=True)
class Series:
    """One series of a chart: its legend text and its points, oldest first."""

    name: str
    points: Sequence[tuple[date, float]]


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
    rule: colors.Color = RULE,
    marker: colors.Color = MARK,
) -> Drawing:
    """A small line chart over time with a title above and the legend below."""
    lines = [ln for ln in lines if ln.points]
    days = [d for ln in lines for d, _ in ln.points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    shown = [d for d in injections if first <= d <= last]
    legend_rows = _legend_rows(lines, bool(shown), injection_label, font, size * 0.85, width)
    height = size * 1.6 + 110 + size * 2.2 + legend_rows * size * 1.3
    d = _drawing(width, height, font)
    d.add(String(0, height - size * 1.1, title, fontName=font, fontSize=size))
    plot = LinePlot()
    plot.x = size * 3.2
    plot.y = legend_rows * size * 1.3 + size * 2.2
    plot.width = width - plot.x - size
    plot.height = 110
    plot.data = [[(p.toordinal(), float(v)) for p, v in ln.points] for ln in lines]
    x0, x1 = first.toordinal(), last.toordinal()
    xa = plot.xValueAxis
    xa.valueMin, xa.valueMax = x0, x1
    xa.valueSteps = _ticks(sorted(set(days)), x0, x1)
    xa.labelTextFormat = lambda v: date_label(date.fromordinal(int(v)))
    ya = plot.yValueAxis
    values = [float(v) for ln in lines for _, v in ln.points]
    lo, hi = y_range or (0.0, _nice_top(max(values)))
    ya.valueMin, ya.valueMax = lo, hi
    ya.valueStep = _nice_step(hi - lo)
    ya.visibleGrid = True
    ya.gridStrokeColor = rule
    ya.gridStrokeWidth = 0.4
    for axis in (xa, ya):
        axis.labels.fontName = font
        axis.labels.fontSize = size * 0.8
        axis.strokeColor = colors.HexColor("#5B6770")
    xa.labels.dy = -2
    for i in range(len(lines)):
        colour = colors.HexColor(LINE_COLOURS[i % len(LINE_COLOURS)])
        plot.lines[i].strokeColor = colour
        plot.lines[i].strokeWidth = 1.4
        plot.lines[i].symbol = makeMarker(MARKERS[i % len(MARKERS)], size=4, fillColor=colour)
    d.add(plot)
    for day in shown:  # after the plot, so the mark sits on top of the grid
        x = plot.x + (day.toordinal() - x0) / (x1 - x0) * plot.width
        d.add(_injection_line(x, plot.y, plot.y + plot.height, marker))
    _legend(d, lines, shown, injection_label, font, size * 0.85, width, marker)
    return d


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


def _legend_items(
    lines: Sequence[Series], has_injections: bool, injection_label: str
) -> list[tuple[str, int | None]]:
    items: list[tuple[str, int | None]] = [(ln.name, i) for i, ln in enumerate(lines)]
    if has_injections:
        items.append((injection_label, None))
    return items


def _legend_rows(
    lines: Sequence[Series], has_inj: bool, inj_label: str, font: str, size: float, width: float
) -> int:
    rows, x = 1, 0.0
    for text, _ in _legend_items(lines, has_inj, inj_label):
        w = 16 + stringWidth(text, font, size) + 10
        if x and x + w > width:
            rows, x = rows + 1, 0.0
        x += w
    return rows


def _legend(
    d: Drawing,
    lines: Sequence[Series],
    injections: Sequence[date],
    inj_label: str,
    font: str,
    size: float,
    width: float,
    marker: colors.Color,
) -> None:
    rows = _legend_rows(lines, bool(injections), inj_label, font, size, width)
    x, y = 0.0, (rows - 1) * size * 1.3 + 2
    for text, index in _legend_items(lines, bool(injections), inj_label):
        w = 16 + stringWidth(text, font, size) + 10
        if x and x + w > width:
            x, y = 0.0, y - size * 1.3
        mid = y + size * 0.3
        if index is None:
            d.add(_injection_line(x + 6, y - 1, y + size, marker))
        else:
            colour = colors.HexColor(LINE_COLOURS[index % len(LINE_COLOURS)])
            d.add(Line(x, mid, x + 12, mid, strokeColor=colour, strokeWidth=1.4))
            d.add(makeMarker(MARKERS[index % len(MARKERS)], x=x + 6, y=mid, size=4,
                             fillColor=colour))  # fmt: skip
        d.add(String(x + 16, y, text, fontName=font, fontSize=size))
        x += w


def _ticks(days: Sequence[date], x0: int, x1: int) -> list[int]:
    """At most MAX_TICKS visit dates, spread out, always the first and the last."""
    ordinals = [d.toordinal() for d in days if x0 <= d.toordinal() <= x1]
    if len(ordinals) <= MAX_TICKS:
        return ordinals
    step = (len(ordinals) - 1) / (MAX_TICKS - 1)
    return [ordinals[round(i * step)] for i in range(MAX_TICKS)]


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
