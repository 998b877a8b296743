"""The clinician summary, read back from the PDF: red flags first, and the whole decision."""

from __future__ import annotations

import pytest

from intake_desktop.domain.labels import label
from intake_desktop.reporting import load_template, render_pdf
from intake_desktop.reporting.layout import BOTTOM_MARGIN
from tests.reporting import pdfcheck
from tests.reporting.builders import (
    EXAMPLES,
    amended,
    busiest_plan_case,
    document,
    everything_case,
    example_data,
)

T = load_template("clinician")


def has(text: str, phrase: str) -> bool:
    return " ".join(phrase.split()).lower() in text.lower()


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    return example_data(request.param)


def test_the_decision_is_printed_in_full(example) -> None:
    doc = document(example, name="Ingrid Halvorsen", status="signed")
    pdf = render_pdf("clinician", doc)
    text = pdfcheck.text(pdf.data)
    plan = doc.plan

    assert 1 <= pdf.pages <= 4
    assert "Ingrid Halvorsen" in text and "MRN-00421" in text
    assert has(text, label(plan["level"]))
    assert has(text, label(plan["pattern"]))
    for code in plan["red_flags"]:
        assert has(text, label(code)), code
    for code in plan["workup"]:
        assert has(text, label(code)), code
    for rule in plan["rules_fired"]:
        assert rule["id"] in text
    for question in plan["framework"]:
        assert has(text, T.plain(f"questions.{question}"))
    for sign in plan["escalation_signs"]:
        assert has(text, label(sign))
    assert has(text, T.plain("scores.konno")) and has(text, T.plain("scores.cook"))
    assert "Dr Aino Lindqvist" in text
    assert pdfcheck.unembedded_fonts(pdf.data) == set()


def test_red_flags_open_the_document_in_a_box() -> None:
    data = example_data(next(p for p in EXAMPLES if "cauda_equina" in p.stem))
    pdf = render_pdf("clinician", document(data))
    page = pdfcheck.page_texts(pdf.data)[0].lower()
    flags = page.index(T.plain("headings.red_flags").lower())
    assert flags < page.index(T.plain("headings.identification").lower())
    assert has(page, T.plain("red_flags.emergency"))
    assert has(page, T.plain("sources.screen"))
    alert = T.clinic["colours"]["alert_background"]
    from tests.reporting.test_patient_summary import _rgb

    assert _rgb(alert) in pdfcheck.content_streams(pdf.data)


def test_no_red_flags_is_said_not_left_blank() -> None:
    data = example_data(next(p for p in EXAMPLES if "lumbar_early" in p.stem))
    text = pdfcheck.text(render_pdf("clinician", document(data)).data)
    assert has(text, T.plain("red_flags.none"))


def test_override_signature_and_amendments() -> None:
    data = example_data(next(p for p in EXAMPLES if "mild_candidate" in p.stem))
    doc = amended(data)
    text = pdfcheck.text(render_pdf("clinician", doc).data)
    assert has(text, T.plain("labels.recommended")) and has(text, label("minimally_invasive"))
    assert has(text, T.plain("labels.accepted")) and has(text, label("surgical"))
    assert has(text, "Patient asked for a surgical opinion")
    assert has(text, T.plain("status.amended"))
    for who, why in (
        ("Dr Ravi Menon", "Corrected ODI answers."),
        ("Dr Aino Lindqvist", "Added imaging date."),
    ):
        assert who in text and why in text
    assert "21 November 2026, 09:30" in text


@pytest.mark.parametrize("status", ["draft", "signed", "amended"])
def test_draft_note_on_every_page_of_unsigned_visits_only(example, status: str) -> None:
    pdf = render_pdf("clinician", document(example, status=status))
    note = T.plain("page.draft_note")
    pages = pdfcheck.page_texts(pdf.data)
    assert all(note in p for p in pages) == (status == "draft")
    assert any(note in p for p in pages) == (status == "draft")


def test_stored_plan_is_printed_as_stored_not_recomputed() -> None:
    """A signed visit prints its plan verbatim, even from an older rule set."""
    data = example_data(next(p for p in EXAMPLES if "lumbar_early" in p.stem))
    doc = document(data, status="signed")
    stored = dict(doc.plan)
    stored["rules_version"] = "2025.01.0"
    stored["level"] = "interventional"
    stored["rules_fired"] = [{"id": "R6.legacy_rule", "reason": "An older rule.", "findings": []}]
    from dataclasses import replace

    old = replace(doc, plan=stored, accepted_level="interventional")
    text = pdfcheck.text(render_pdf("clinician", old).data)
    assert "2025.01.0" in text and "R6.legacy_rule" in text
    assert has(text, label("interventional"))


def test_scores_print_with_their_bands() -> None:
    from tests.reporting.builders import everything_case

    doc = document(everything_case(3), status="signed")
    text = pdfcheck.text(render_pdf("clinician", doc).data)
    scores = doc.plan["scores"]
    odi_band = T.plain(f"bands.{scores['odi']['band']}")
    assert f"{scores['odi']['percent']} %" in text and has(text, odi_band)
    assert f"{scores['ndi']['raw']}/50" in text
    assert f"{scores['mjoa']['total']}/18" in text
    for name in ("odi", "ndi", "zcq", "mjoa", "nrs", "abi", "konno", "cook"):
        assert has(text, T.plain(f"scores.{name}")), name


def _lines_by_page(data: bytes) -> list[list[tuple[float, str]]]:
    """Per page, (height on the page, text) of every text run, read back with its position."""
    pages = []
    for page in pdfcheck.reader(data).pages:
        runs: list[tuple[float, str]] = []

        def visit(text, cm, tm, _font, _size, runs=runs):
            if text.strip():
                runs.append(((tm[5] * cm[3]) + cm[5], " ".join(text.split())))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize(
    "data",
    [*(example_data(p) for p in EXAMPLES), everything_case(30), busiest_plan_case()],
    ids=[*(p.stem for p in EXAMPLES), "everything", "busiest_plan"],
)
def test_no_page_ends_with_a_section_heading(data) -> None:
    """A heading always has the start of its section under it on the same page (example 04's
    rules once stood alone at the foot of page 2)."""
    pdf = render_pdf("clinician", document(data, status="signed"))
    headings = set(T.raw("headings").values())
    footer_top = BOTTOM_MARGIN + 2  # the footer sits below the frame
    for number, runs in enumerate(_lines_by_page(pdf.data)[:-1], start=1):
        body = [(y, text) for y, text in runs if y > footer_top]
        lowest = min(y for y, _ in body)
        for y, text in body:
            if text in headings:
                assert y > lowest, f"page {number} ends with the heading {text!r}"
