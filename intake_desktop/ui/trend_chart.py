"""Charts of one patient's outcomes over the visits (Qt Charts), treatments marked on the time axis.

One chart per group: walking distance and standing tolerance (two value axes), pain ratings,
ODI/NDI, and the three ZCQ subscales. The numbers come from :func:`domain.followup.trends`;
injections are dashed vertical lines. Colours follow the palette, so the charts read in light and
dark schemes; every chart has an accessible name and a description that lists its values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from intake_desktop.domain.followup import VisitSnapshot, injection_dates, trends

from .code_labels import fill, number_text
from .theme import is_dark


@dataclass(frozen=True)
class Group:
    """One chart: its title, the series it draws (name, legend text) and a fixed value range."""

    key: str
    title: str
    series: tuple[tuple[str, str], ...]
    y_range: tuple[float, float] | None = None
    #: Series drawn against a second value axis on the right (another unit).
    right: tuple[str, ...] = ()


GROUPS: tuple[Group, ...] = (
    Group("function", "Walking distance (m) and standing tolerance (min)",
          (("walking_distance_m", "Painless walking distance (m)"),
           ("standing_tolerance_min", "Standing tolerance (min)")),
          right=("standing_tolerance_min",)),
    Group("pain", "Pain ratings (NRS 0–10)",
          (("nrs_back", "Back"), ("nrs_leg", "Leg"), ("nrs_neck", "Neck"), ("nrs_arm", "Arm")),
          (0, 10)),
    Group("disability", "Disability (ODI / NDI, %)",
          (("odi_percent", "ODI"), ("ndi_percent", "NDI")), (0, 100)),
    Group("zcq", "Zurich Claudication Questionnaire (1–5)",
          (("zcq_symptom_severity", "Symptoms"), ("zcq_physical_function", "Function"),
           ("zcq_satisfaction", "Satisfaction")), (1, 5)),
)  # fmt: skip

#: Line colours with enough contrast on light and on dark backgrounds.
LIGHT_LINES = ("#1f4e79", "#c55a11", "#2e7d32", "#6a1b9a")
DARK_LINES = ("#8ab4f8", "#ffb74d", "#81c995", "#ce93d8")
INJECTION = {"light": "#b3261e", "dark": "#ff8a80"}
INJECTION_NAME = "Injection"


def _msecs(day: date) -> float:
    return float(QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch())


def _day(msecs: float) -> date:
    return QDateTime.fromMSecsSinceEpoch(int(msecs)).date().toPython()


class TrendChart(QWidget):
    """The patient's trend charts; :meth:`show_visits` redraws them from signed visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Outcome trends"))
        self.views: dict[str, QChartView] = {}
        self.empty = QLabel(self.tr("Trends appear once the patient has a signed visit."), self)
        self.empty.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.empty, 0, 0, 1, 2)
        for i, group in enumerate(GROUPS):
            view = QChartView(self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(320, 220)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            view.setAccessibleName(self.tr(group.title))
            view.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so a reader finds the text
            self.views[group.key] = view
            grid.addWidget(view, 1 + i // 2, i % 2)
        self.show_visits(())

    # --- what the charts show, for tests and for the accessible description ---------------
    def series_values(self, key: str) -> dict[str, list[tuple[date, float]]]:
        """The points each line of chart ``key`` draws, by legend text (injections left out)."""
        chart = self.views[key].chart()
        return {
            s.name(): [(_day(p.x()), p.y()) for p in s.points()]
            for s in chart.series()
            if isinstance(s, QLineSeries) and not s.property("injection")
        }

    def injection_marks(self, key: str) -> list[date]:
        chart = self.views[key].chart()
        return sorted({_day(s.points()[0].x()) for s in chart.series() if s.property("injection")})

    # --- drawing -------------------------------------------------------------------------
    def show_visits(self, visits: Sequence[VisitSnapshot]) -> None:
        series = trends(visits)
        injections = injection_dates(visits)
        self.empty.setVisible(not visits)
        for group in GROUPS:
            view = self.views[group.key]
            old = view.chart()
            view.setChart(self._chart(group, series, injections))
            if old is not None:
                old.deleteLater()
            view.setVisible(bool(visits))

    def _chart(self, group: Group, series: dict, injections: Sequence[date]) -> QChart:
        pal = self.palette()
        dark = is_dark(pal)
        text = pal.color(QPalette.ColorRole.WindowText)
        chart = QChart()
        chart.setTitle(self.tr(group.title))
        chart.setTitleBrush(text)
        chart.setBackgroundBrush(pal.color(QPalette.ColorRole.Base))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setLabelColor(text)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MMM yyyy")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        left = QValueAxis()
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        right: QValueAxis | None = None
        if group.right:
            right = QValueAxis()
            right.setGridLineVisible(False)  # one grid is enough; the left axis draws it
            chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        axes = [a for a in (x_axis, left, right) if a is not None]
        for axis in axes:
            axis.setLabelsColor(text)
            axis.setGridLineColor(pal.color(QPalette.ColorRole.Mid))
            axis.setLinePenColor(pal.color(QPalette.ColorRole.Mid))
        lines = DARK_LINES if dark else LIGHT_LINES
        days: list[date] = []
        values: dict[bool, list[float]] = {False: [], True: []}
        described: list[str] = []
        for i, (name, legend) in enumerate(group.series):
            points = series.get(name) or []
            if not points:
                continue
            line = QLineSeries()
            line.setName(self.tr(legend))
            line.setPointsVisible(True)
            line.setPen(QPen(QColor(lines[i % len(lines)]), 2.2))
            for day, value in points:
                line.append(_msecs(day), float(value))
                days.append(day)
            on_right = name in group.right
            values[on_right] += [float(v) for _, v in points]
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(right if on_right and right is not None else left)
            on = self.tr("%1 on %2", "a value, and the date of the visit that recorded it")
            said = (fill(on, number_text(v), d.isoformat()) for d, v in points)
            described.append(f"{line.name()}: " + ", ".join(said))
        if not days:
            chart.setTitle(self.tr(group.title) + " — " + self.tr("not recorded"))
            x_axis.setRange(QDateTime.currentDateTime().addMonths(-1), QDateTime.currentDateTime())
            left.setRange(*(group.y_range or (0, 1)))
            self.views[group.key].setAccessibleDescription(self.tr("Not recorded at any visit."))
            return chart
        first, last = min(days), max(days)
        if first == last:
            first, last = (
                date.fromordinal(first.toordinal() - 15),
                date.fromordinal(last.toordinal() + 15),
            )
        x_axis.setRange(QDateTime(datetime.combine(first, time(0))),
                        QDateTime(datetime.combine(last, time(23, 59))))  # fmt: skip
        x_axis.setTickCount(min(6, max(2, len(set(days)))))
        self._fit(left, values[False], group.y_range)
        if right is not None:
            self._fit(right, values[True], None)
        marked = [d for d in injections if first <= d <= last]
        for n, day in enumerate(marked):
            mark = QLineSeries()
            mark.setProperty("injection", True)
            mark.setName(self.tr(INJECTION_NAME))
            pen = QPen(QColor(INJECTION["dark" if dark else "light"]), 1.6)
            pen.setStyle(Qt.PenStyle.DashLine)
            mark.setPen(pen)
            mark.append(_msecs(day), left.min())
            mark.append(_msecs(day), left.max())
            chart.addSeries(mark)
            mark.attachAxis(x_axis)
            mark.attachAxis(left)
            if n:  # one legend entry for all the injections
                for marker in chart.legend().markers(mark):
                    marker.setVisible(False)
        if marked:
            described.append(
                self.tr("injections") + ": " + ", ".join(d.isoformat() for d in marked)
            )
        self.views[group.key].setAccessibleDescription("; ".join(described))
        return chart

    @staticmethod
    def _fit(axis: QValueAxis, values: list[float], fixed: tuple[float, float] | None) -> None:
        if fixed is not None:
            axis.setRange(*fixed)
        else:
            top = max(values, default=1.0) or 1.0
            axis.setRange(0, top * 1.15)
            axis.applyNiceNumbers()
        axis.setLabelFormat("%g")
