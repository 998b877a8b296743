"""The clinician's trend charts, read back from the PDF: one time axis for every chart, date
labels that never overlap, points off the frame, and the walking chart's threshold and fall."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import pairwise

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from intake_desktop.domain.followup import VisitSnapshot, trends
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import load_template, render_pdf
from intake_desktop.reporting.charts import Series, Threshold, chart_frame
from intake_desktop.reporting.fonts import register_fonts
from tests.reporting import pdfcheck
from tests.reporting.builders import TODAY, document
from tests.reporting.test_trends_pdf import visit_data

T = load_template("clinician")
LABEL_SIZE = float(T.clinic["sizes"]["clinician_body"]) * 0.8
FONT = register_fonts(T.fonts).regular
_AXIS_DATE = re.compile(r"^(?:\d{1,2} )?[A-Z][a-z]{2} \d{4}$")


def history_doc(n: int, *, walking_from: int = 0, fall: bool = True):
    """The last of ``n`` visits; walking distance recorded from visit ``walking_from`` on."""
    datas = [visit_data(i, n) for i in range(n)]
    for i, data in enumerate(datas):
        if i < walking_from:
            data["history"].pop("painless_walking_distance_m")
            data.pop("function", None)
    if not fall:  # the last visit walks as far as the one before
        before = datas[-2]["history"]["painless_walking_distance_m"]
        datas[-1]["history"]["painless_walking_distance_m"] = before
    history = tuple(
        VisitSnapshot(parse_case(d, today=TODAY), "conservative", "conservative")
        for d in datas[:-1]
    )
    return document(datas[-1], status="signed", history=history)


def axis_labels(data: bytes) -> dict[tuple[int, float, bool], list[tuple[float, str]]]:
    """Date labels under each chart: keyed by (page, baseline, right-hand chart), left to right."""
    charts: dict[tuple[int, float, bool], list[tuple[float, str]]] = defaultdict(list)
    for number, page in enumerate(pdfcheck.reader(data).pages):
        middle = float(page.mediabox.width) / 2

        def visit(text, cm, tm, _font, _size, number=number, middle=middle):
            text = " ".join(text.split())
            if _AXIS_DATE.match(text):
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                charts[(number, round(y, 1), x > middle)].append((x, text))

        page.extract_text(visitor_text=visit)
    return {key: sorted(found) for key, found in charts.items()}


@pytest.mark.parametrize(("n", "walking_from"), [(2, 0), (8, 4), (20, 0), (20, 12)])
def test_every_chart_shares_one_date_axis_and_labels_never_touch(n: int, walking_from: int):
    """The walking chart recorded from a later visit on still spans the same dates as the pain
    chart (it used to start at its own first point, so one date sat in two places)."""
    pdf = render_pdf("clinician", history_doc(n, walking_from=walking_from)).data
    charts = axis_labels(pdf)
    assert len(charts) >= 4, charts
    shown = {tuple(text for _, text in labels) for labels in charts.values()}
    assert len(shown) == 1, f"charts disagree on their dates: {shown}"
    for labels in charts.values():
        assert len(labels) >= 2
        for (x1, a), (x2, _) in pairwise(labels):
            assert x2 - x1 >= stringWidth(a, FONT, LABEL_SIZE) + 1, f"{a!r} runs into the next"
    # the same date sits at the same place in the left-hand charts
    left = [labels for (_, _, right), labels in charts.items() if not right]
    assert len({tuple(round(x, 1) for x, _ in labels) for labels in left}) == 1


def test_points_sit_inside_the_frame() -> None:
    """Fixed ranges (pain 0-10, ODI 0-100) and the data's own: no point lies on the frame."""
    doc = history_doc(20)
    series = trends(doc.visits)
    shared = (doc.visits[0].case.visit_date, doc.visits[-1].case.visit_date)
    for name, y_range in (
        ("odi_percent", (0, 100)),
        ("nrs_leg", (0, 10)),
        ("walking_distance_m", None),
    ):
        points = series[name]
        frame = chart_frame(
            [Series(name, points)],
            x_range=shared,
            y_range=y_range,
            threshold=Threshold(0.0, shared[0], shared[1], "t"),
        )
        for day, value in points:
            assert frame.x0 < day.toordinal() < frame.x1
            assert frame.lo < value < frame.hi, (name, value)
    assert max(v for _, v in series["odi_percent"]) == 100  # the case does reach the top


def test_walking_chart_marks_the_threshold_and_the_fall() -> None:
    text = pdfcheck.text(render_pdf("clinician", history_doc(2)).data)
    assert T.plain("trends.threshold") in text and T.plain("trends.fall") in text
    steady = pdfcheck.text(render_pdf("clinician", history_doc(2, fall=False)).data)
    assert T.plain("trends.threshold") in steady and T.plain("trends.fall") not in steady
    assert "Painless walking distance down 15 %" not in steady
    es = pdfcheck.text(render_pdf("clinician", history_doc(2), language="es").data)
    spanish = load_template("clinician", "es")
    assert spanish.plain("trends.fall") in es and spanish.plain("trends.threshold") in es


def test_a_few_weeks_of_visits_label_the_visit_days() -> None:
    """Under two month starts in range, the axis names the visit days themselves."""
    datas = [visit_data(1, 2), visit_data(1, 2)]
    datas[0]["visit_date"] = "2026-11-02"
    datas[1]["visit_date"] = "2026-11-20"
    history = (VisitSnapshot(parse_case(datas[0], today=TODAY)),)
    doc = document(datas[1], status="signed", history=history)
    labels = next(iter(axis_labels(render_pdf("clinician", doc).data).values()))
    assert [text for _, text in labels] == ["2 Nov 2026", "20 Nov 2026"]
    assert doc.visits[-1].case.visit_date == date(2026, 11, 20)
