"""Follow-up in print: the clinician's Trends and Alerts sections (the patient's walking picture
is drawn by patient.py, in the clinic's units).

The numbers come from :mod:`intake_desktop.domain.followup` (the same series and alerts the app
shows); the words from the templates (``trends.*`` and ``alerts.*`` of the clinician template).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from intake_desktop.domain.findings import INJECTION_CAP, WALKING_FALL_FRACTION
from intake_desktop.domain.followup import VisitSnapshot, alerts, injection_dates, trends

from .charts import Highlight, Series, Threshold, time_chart
from .facts import code_text
from .layout import colour, format_date, format_number, recorded_number
from .paragraphs import TextParagraph
from .templates import Template
from .wording import clinical_line

if TYPE_CHECKING:
    from .clinician_context import ClinicianContext as ClinicianCtx

#: The chart groups of the clinician summary: (label key, series, fixed value range or None).
CHART_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[float, float] | None], ...] = (
    ("walking", ("walking_distance_m",), None),
    ("standing", ("standing_tolerance_min",), None),
    ("pain", ("nrs_back", "nrs_leg", "nrs_neck", "nrs_arm"), (0, 10)),
    ("disability", ("odi_percent", "ndi_percent"), (0, 100)),
    ("zcq", ("zcq_symptom_severity", "zcq_physical_function", "zcq_satisfaction"), (1, 5)),
)
#: The patient's picture shows the latest visits only, so every bar keeps a readable label.
PATIENT_BARS = 6


def short_date(t: Template, d: date, *, day: bool = False) -> str:
    """A date for an axis or a narrow column: the month's first three letters, in the template's
    words, and the year (and the day first, with ``day``)."""
    text = f"{t.raw('dates.months')[d.month - 1][:3]} {d.year}"
    return f"{d.day} {text}" if day else text


def trends_section(c: ClinicianCtx) -> list[Flowable]:
    """Charts of function, pain and questionnaires over the visits, then a table per visit."""
    visits = c.doc.visits
    out: list[Flowable] = [*c.heading("trends")]
    if len(visits) < 2:
        return [*out, c.p(escape(c.t.plain("trends.too_few")), c.s.small)]
    series = trends(visits)
    injected = injection_dates(visits)
    half = (c.width - c.s.size) / 2
    # One time axis for every chart of the patient: the first visit to this one.
    shared = (visits[0].case.visit_date, visits[-1].case.visit_date)
    charts: list[Flowable] = []
    for key, names, y_range in CHART_GROUPS:
        lines = [
            Series(_series_name(c.t, n), series[n]) for n in names if len(series.get(n, ())) > 0
        ]
        if not lines:
            continue
        marks = _walking_marks(c, visits) if key == "walking" else {}
        charts.append(
            time_chart(
                c.t.plain(f"trends.{key}"),
                lines,
                injections=injected,
                injection_label=c.t.plain("trends.injection"),
                date_label=lambda d: short_date(c.t, d),
                day_label=lambda d: short_date(c.t, d, day=True),
                width=half,
                font=c.s.fonts.regular,
                size=c.s.size,
                y_range=y_range,
                x_range=shared,
                rule=colour(c.t, "rule"),
                marker=colour(c.t, "alert"),
                value_label=lambda v: recorded_number(c.t, v),
                **marks,
            )
        )
    if charts:
        if len(charts) % 2:
            charts.append(Spacer(1, 1))
        grid = Table(
            [charts[i : i + 2] for i in range(0, len(charts), 2)],
            colWidths=[half + c.s.size / 2] * 2,
            hAlign="LEFT",
        )
        grid.setStyle(
            TableStyle(
                [
                    # Tables set a font of their own (Helvetica, never embedded) unless told.
                    ("FONTNAME", (0, 0), (-1, -1), c.s.fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), c.s.size * 0.8),
                ]
            )
        )
        out.append(grid)
    out += [TextParagraph(c.label("per_visit"), c.s.subheading), _visit_table(c, series)]
    return out


def _walking_marks(c: ClinicianCtx, visits: Sequence[VisitSnapshot]) -> dict[str, Any]:
    """The walking chart's threshold (15 % below the previous visit, CLINICAL_CONTENT.md
    section 5) and, when this visit fell that far, a ring round the fall that raised the alert."""
    before, now = (_walking(v) for v in visits[-2:])
    if not before:
        return {}
    start, end = visits[-2].case.visit_date, visits[-1].case.visit_date
    level = float(before) * float(1 - WALKING_FALL_FRACTION)
    marks: dict[str, Any] = {
        "threshold": Threshold(level, start, end, c.t.plain("trends.threshold"))
    }
    fell = any(a.code == "walking_distance_shrinking" for a in alerts(visits[-2], visits[-1]))
    if fell and now is not None:
        marks["highlight"] = Highlight(end, float(now), c.t.plain("trends.fall"))
    return marks


def _walking(visit: VisitSnapshot) -> float | None:
    history = visit.case.history
    return history.painless_walking_distance_m if history else None


def _series_name(t: Template, name: str) -> str:
    return t.plain(f"trends.series.{name}")


def _visit_table(c: ClinicianCtx, series: dict[str, list[tuple[date, Any]]]) -> Flowable:
    """One row per visit: the numbers the charts cannot show (medication, levels, the count)."""
    t = c.t
    by_day = {name: dict(points) for name, points in series.items()}

    def cell(name: str, day: date, text=None) -> str:
        value = by_day.get(name, {}).get(day)
        if value is None:
            return "–"
        return text(value) if text else escape(format_number(t, value))

    def disability(day: date) -> str:
        parts = [
            f"{t.plain(f'trends.series.{n}')} {cell(n + '_percent', day)}"
            for n in ("odi", "ndi")
            if by_day.get(n + "_percent", {}).get(day) is not None
        ]
        return ", ".join(parts) or "–"

    def yes_no(v: bool) -> str:
        return escape(t.plain("words.yes" if v else "words.no"))

    rows = []
    for v in c.doc.visits:
        day = v.case.visit_date
        count = by_day.get("injections_last_12_months", {}).get(day, 0)
        shown = t.plain("trends.count_of_cap", count=count, total=INJECTION_CAP)
        shown = f"<b>{escape(shown)}</b>" if count >= INJECTION_CAP else escape(shown)
        rows.append(
            [
                escape(short_date(t, day, day=True)),
                cell("walking_distance_m", day),
                cell("standing_tolerance_min", day),
                disability(day),
                cell("medication_trend", day, lambda x: code_text(t, x)),
                cell("opioid_use", day, yes_no),
                shown,
                code_text(t, v.level_recommended) if v.level_recommended else "–",
                code_text(t, v.level_accepted) if v.level_accepted else "–",
            ]
        )
    head = [
        c.label(k)
        for k in (
            "inj_date",
            "trend_walking",
            "trend_standing",
            "trend_disability",
            "trend_medication",
            "trend_opioid",
            "trend_injections",
            "trend_recommended",
            "trend_accepted",
        )
    ]
    return c.grid(head, rows, (0.12, 0.07, 0.08, 0.1, 0.12, 0.08, 0.1, 0.165, 0.165))


def alerts_section(c: ClinicianCtx) -> list[Flowable]:
    """What slipped (or improved) since the previous visit, each with its numbers."""
    visits = c.doc.visits
    previous = visits[-2] if len(visits) >= 2 else None
    found = alerts(previous, visits[-1])
    out: list[Flowable] = [*c.heading("alerts")]
    if previous is None:
        # Nothing to compare with: "no alerts" would read as "nothing slipped".
        out.append(c.p(escape(c.t.plain("alerts.first_visit"))))
        if not found:
            return out
    else:
        since = c.t.plain("alerts.since", date=format_date(c.t, previous.case.visit_date))
        out.append(c.p(escape(since), c.s.small))
        if not found:
            return [*out, c.p(escape(c.t.plain("alerts.none")))]
    rows = []
    for a in found:
        key = f"alerts.codes.{a.code}"
        title = c.t.plain(key) if c.t.has(key) else a.code.replace("_", " ")
        direction = c.t.plain(f"alerts.{a.direction}")
        tone = colour(c.t, "alert") if a.direction == "worse" else colour(c.t, "primary")
        mark = f'<font color="#{tone.hexval()[2:]}"><b>{escape(direction)}</b></font>'
        rows.append([f"<b>{escape(title)}</b>", mark, clinical_line(c.t, a.message)])
    head = [c.label(k) for k in ("alert", "direction", "evidence")]
    return [*out, c.grid(head, rows, (0.3, 0.12, 0.58))]
