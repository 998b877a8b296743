"""Long visits: every red flag, many injections, all questionnaires, a 200-character name.

Nothing may crash, clip or overflow its page bounds, and export time must grow no faster than the
visit: the builder is linear in the number of injections, rules and amendments.
"""

from __future__ import annotations

import time
from dataclasses import replace

from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.labels import label
from intake_desktop.reporting import load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import (
    LONG_NAME,
    busiest_plan_case,
    document,
    everything_case,
)

PATIENT = load_template("patient")


def folded(text: str) -> str:
    return " ".join(text.split()).lower()


def test_everything_at_once_stays_within_bounds() -> None:
    doc = document(everything_case(20), name=LONG_NAME, status="signed")
    assert len(LONG_NAME) == 200
    for kind, most in (("patient", 2), ("clinician", 6)):
        pdf = render_pdf(kind, doc)
        text = folded(pdfcheck.text(pdf.data))
        assert 1 <= pdf.pages <= most, kind
        assert folded(LONG_NAME) in text
        assert pdfcheck.unembedded_fonts(pdf.data) == set()
        for page in pdfcheck.page_texts(pdf.data):  # the footer keeps the dates for long names
            assert "11 April 1949" in page and "20 November 2026" in page
        for code in RED_FLAGS:
            phrase = (
                label(code)
                if kind == "clinician"
                else PATIENT.plain(f"red_flags.{code}", fever_threshold="100.4 °F (38 °C)")
            )
            assert folded(phrase) in text, (kind, code)


def test_the_busiest_patient_sheet_fits_three_pages_with_page_one_complete() -> None:
    """No red flag, but the longest home-care list, work-up, call-back list and safety net of
    two patterns, and a 200-character name: at most three pages (typical sheets take two),
    with the next steps and the short safety net on page 1."""
    doc = document(busiest_plan_case(), name=LONG_NAME)
    assert len(doc.plan["workup"]) >= 5
    pdf = render_pdf("patient", doc)
    assert pdf.pages <= 3
    pages = [folded(p) for p in pdfcheck.page_texts(pdf.data)]
    assert folded(PATIENT.plain("headings.next_steps")) in pages[0]
    assert folded(PATIENT.plain("headings.get_help")) in pages[0]
    text = " ".join(pages)
    for code in doc.plan["workup"]:
        assert folded(PATIENT.plain(f"tests.workup.{code}.name")) in text


def test_all_injections_are_listed() -> None:
    doc = document(everything_case(50))  # the most a case may hold
    text = pdfcheck.text(render_pdf("clinician", doc).data)
    for injection in doc.case.treatment.injections:
        day = injection.date
        assert f"{day.day} {day:%B} {day.year}" in text


def _best_time(n: int, repeats: int = 3) -> float:
    doc = document(everything_case(min(n, 50)), status="signed")
    if n > 50:  # past what a case may hold (50), to see how the builder grows
        treatment = doc.case.treatment
        injections = (treatment.injections * (n // 50 + 1))[:n]
        case = replace(doc.case, treatment=replace(treatment, injections=injections))
        doc = replace(doc, case=case)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        render_pdf("clinician", doc)
        best = min(best, time.perf_counter() - start)
    return best


def test_export_time_grows_linearly_with_the_visit(capsys) -> None:
    """Eight times the injections may cost at most ~8 times as much (quadratic would be 64)."""
    render_pdf("clinician", document(everything_case(5)))  # warm up fonts and imports
    small, large = _best_time(50), _best_time(400)
    with capsys.disabled():
        print(
            f"\n  clinician summary: 50 injections {small * 1000:.0f} ms, "
            f"400 injections {large * 1000:.0f} ms (ratio {large / small:.1f})"
        )
    assert large / small < 12


def test_full_clinician_summary_timing(capsys) -> None:
    """The figure the issue asks for: a full clinician summary (everything recorded)."""
    doc = document(everything_case(20), name=LONG_NAME, status="amended")
    render_pdf("clinician", doc)
    runs = [render_pdf("clinician", doc) for _ in range(5)]
    best = min(r.seconds for r in runs)
    with capsys.disabled():
        print(
            f"\n  full clinician summary: {runs[0].pages} pages, best of 5 {best * 1000:.0f} ms, "
            f"{len(runs[0].data) // 1024} KiB"
        )
    assert best < 5.0
