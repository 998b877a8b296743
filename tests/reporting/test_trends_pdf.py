"""Follow-up in print: the clinician's Trends and Alerts, the patient's walking-distance picture.

The history is built here as plain domain objects (no database), as the caller passes it.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from intake_desktop.domain.followup import VisitSnapshot
from intake_desktop.domain.validation import parse_case
from intake_desktop.reporting import VisitDocument, render_pdf
from tests.domain.builders import BASE
from tests.reporting import pdfcheck
from tests.reporting.builders import TODAY, document

LAST_VISIT = date(2026, 11, 20)


def visit_data(i: int, n: int) -> dict[str, Any]:
    """Visit ``i`` of ``n``, three months apart up to the last; function slowly slips."""
    day = LAST_VISIT - timedelta(days=91 * (n - 1 - i))
    data = copy.deepcopy(BASE)
    data["visit_date"] = day.isoformat()
    # the last visit falls exactly 15 % below the one before it: the alert's threshold
    distance = 900 - 40 * min(i, n - 2)
    data["history"]["painless_walking_distance_m"] = distance * 0.85 if i == n - 1 else distance
    if i:  # as carry_forward fills it, so the engine can count the fall as an escalation sign
        previous = 900 - 40 * (i - 1)
        data["function"] = {"previous_painless_walking_distance_m": previous}
    data["history"]["standing_tolerance_min"] = 30 - i % 7
    data["history"]["pain_nrs"] = {"back": 3 + i % 3, "leg": 5 + i % 4}
    data["treatment"] = {
        "conservative_care_weeks": 10 + 13 * i,
        "medication_trend": "increasing" if i == n - 1 else "stable",
        "activity_trend": "decreasing" if i == n - 1 else "stable",
        "opioid_use": i >= n - 2,
        # an injection a month before every third visit, so the rolling count rises and falls
        "injections": [
            {"date": (day - timedelta(days=30 + 91 * k)).isoformat(), "type": "epidural_steroid"}
            for k in range(0, i + 1)
            if (i - k) % 3 == 0
        ],
    }
    data["questionnaires"] = {
        "odi": [min(5, 1 + i // 4)] * 10,
        "zcq": {
            "symptom_severity": [2 + i % 3] * 6 + [3],
            "physical_function": [2 + i % 2] * 5,
            "satisfaction": [2] * 6,
        },
    }
    return data


def follow_up(n: int, **extra: Any) -> VisitDocument:
    """The last of ``n`` visits, signed, with the ``n - 1`` before it as its history."""
    history = tuple(
        VisitSnapshot(parse_case(visit_data(i, n), today=TODAY), "conservative", "conservative")
        for i in range(n - 1)
    )
    return document(visit_data(n - 1, n), status="signed", history=history, **extra)


@pytest.fixture(scope="module")
def pdfs() -> dict[tuple[str, int], bytes]:
    return {(kind, n): render_pdf(kind, follow_up(n)).data
            for kind in ("clinician", "patient") for n in (1, 2, 20)}  # fmt: skip


def section(text: str, heading: str, until: str) -> str:
    start = text.index(heading)
    return text[start : text.index(until, start + len(heading))]


def test_clinician_trends_section_lists_every_visit(pdfs) -> None:
    text = pdfcheck.text(pdfs[("clinician", 20)])
    trends = section(text, "Trends over the visits", "Escalation signs")
    for title in ("Painless walking distance (m)", "Pain rating (NRS 0–10)",
                  "Disability index (ODI / NDI, %)", "Zurich Claudication", "Visit by visit",
                  "injection"):  # fmt: skip
        assert title in trends
    table = trends[trends.index("Visit by visit") :]
    days = [LAST_VISIT - timedelta(days=91 * k) for k in range(19, -1, -1)]
    shown = [f"{d.day} {d.strftime('%b')} {d.year}" for d in days]  # English month names
    positions = [table.index(s) for s in shown]  # every visit has its row, oldest first
    assert positions == sorted(positions)
    assert table.count(" of 3 ") == 20


def test_clinician_alerts_name_the_walking_fall_and_the_rest(pdfs) -> None:
    text = pdfcheck.text(pdfs[("clinician", 2)])
    alerts = section(text, "Alerts since the previous visit", "Work-up")
    assert "Compared with the visit of 21 August 2026." in alerts
    assert "Painless walking distance down 15 % or more" in alerts
    assert "More medication, less activity" in alerts
    assert "worse" in alerts
    # the plan counts the same 15 % fall as an escalation sign (previous distance filled)
    assert "Walking distance shrinking" in section(text, "Escalation signs", "The four questions")


def test_a_single_visit_says_trends_start_later(pdfs) -> None:
    text = pdfcheck.text(pdfs[("clinician", 1)])
    assert "Trends start with the second visit" in text
    assert "No alerts" in text or "Alert" in text


@pytest.mark.parametrize(("n", "most"), [(1, 5), (2, 6), (20, 8)])
def test_clinician_page_counts_stay_in_bounds(pdfs, n: int, most: int) -> None:
    one = len(pdfcheck.reader(pdfs[("clinician", 1)]).pages)
    pages = len(pdfcheck.reader(pdfs[("clinician", n)]).pages)
    assert one <= pages <= most


@pytest.mark.parametrize("n", [1, 2, 20])
def test_patient_picture_only_from_two_visits(pdfs, n: int) -> None:
    text = pdfcheck.text(pdfs[("patient", n)])
    assert ("How far you could walk without symptoms" in text) is (n >= 2)
    assert len(pdfcheck.reader(pdfs[("patient", n)]).pages) <= 4


def test_patient_picture_shows_the_latest_six_visits(metric_templates) -> None:
    pdf = render_pdf("patient", follow_up(20), templates_dir=metric_templates)
    text = pdfcheck.text(pdf.data)
    picture = section(text, "How far you could walk", "The care we recommend")
    assert "153 20 Nov 2026" in picture  # today's bar, labelled, last
    assert "340 22 Aug 2025" in picture and "380" not in picture  # six bars, no more


def test_spanish_patient_picture_is_in_spanish() -> None:
    text = pdfcheck.text(render_pdf("patient", follow_up(3, language="es")).data)
    assert "Cuánto pudo caminar sin síntomas, en yardas" in text
    assert "How far" not in text and "Nov " not in text
    assert "nov" in text


def test_history_after_the_visit_is_left_out() -> None:
    doc = follow_up(3)
    later = VisitSnapshot(
        parse_case(visit_data(0, 1) | {"visit_date": "2027-02-01"}, today=date(2027, 3, 1))
    )
    reprint = VisitDocument(**{**_fields(doc), "history": (*doc.history, later)})
    assert [v.case.visit_date for v in reprint.visits] == [v.case.visit_date for v in doc.visits]


def _fields(doc: VisitDocument) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in doc.__dataclass_fields__}


def write_pngs(out: Path) -> None:  # pragma: no cover - for looking at the pages by eye
    """``python -m tests.reporting.test_trends_pdf OUT``: PDFs for 2 and 20 visits, for pdftoppm."""
    out.mkdir(parents=True, exist_ok=True)
    for n in (2, 20):
        for kind in ("clinician", "patient"):
            (out / f"{kind}-{n}.pdf").write_bytes(render_pdf(kind, follow_up(n)).data)
    (out / "patient-es-3.pdf").write_bytes(render_pdf("patient", follow_up(3, language="es")).data)


if __name__ == "__main__":  # pragma: no cover
    import sys

    write_pngs(Path(sys.argv[1]))
