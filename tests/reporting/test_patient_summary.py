"""The patient summary, read back from the PDF: what a patient takes home must be all there."""

from __future__ import annotations

import re

import pytest

from intake_desktop.reporting import load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import (
    EXAMPLES,
    document,
    example_data,
    expected_signs,
    headline_key,
)

T = load_template("patient")
US_FEVER = "100.4 °F (38 °C)"


def plain(key: str, **values: str) -> str:
    return " ".join(T.plain(key, **values).split())


def has(text: str, phrase: str) -> bool:
    """Case-insensitive containment, white space folded (lines wrap anywhere)."""
    return " ".join(phrase.split()).lower() in text.lower()


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    return example_data(request.param)


@pytest.mark.parametrize("status", ["draft", "signed"])
def test_everything_the_patient_needs_is_printed(example, status: str) -> None:
    doc = document(example, name="Zoë Martínez-Okafor", status=status)
    pdf = render_pdf("patient", doc)
    text = pdfcheck.text(pdf.data)
    plan = doc.plan

    assert 1 <= pdf.pages <= 2
    assert "Zoë Martínez-Okafor" in text
    assert has(text, plain("care.recommended", level=plain(headline_key(doc))))
    for code in plan["red_flags"]:
        assert has(text, plain(f"red_flags.{code}", fever_threshold=US_FEVER)), code
    for code in plan["workup"]:
        assert has(text, plain(f"tests.workup.{code}.name")), code
    if not plan["workup"]:
        assert has(text, plain("tests.none"))
    for question in T.raw("questions.items"):
        # Emergency and same-day sheets keep the questions for the next visit (s. 9).
        assert has(text, question) != bool(plan["red_flags"])


def test_the_safety_net_box_is_always_there_with_the_patterns_warning_signs(example) -> None:
    doc = document(example)
    pdf = render_pdf("patient", doc)
    text = pdfcheck.text(pdf.data)
    assert has(text, plain("headings.safety_net"))
    assert has(text, plain("safety_net.emergency_intro", emergency_number="911"))
    for sign in expected_signs(doc):
        assert has(text, plain(f"safety_net.signs.{sign}.full", fever_threshold=US_FEVER)), sign
    # It is a box: its background colour is painted.
    assert _rgb(T.clinic["colours"]["safety_background"]) in pdfcheck.content_streams(pdf.data)


def test_red_flags_come_first_on_page_one_with_what_to_do() -> None:
    data = example_data(next(p for p in EXAMPLES if "cauda_equina" in p.stem))
    first_page = pdfcheck.page_texts(render_pdf("patient", document(data)).data)[0]
    alert = first_page.lower().index(plain("alert.emergency_heading").lower())
    found = first_page.lower().index(plain("headings.found").lower())
    assert alert < found
    assert has(first_page, plain("alert.found"))


def test_without_red_flags_there_is_no_alert() -> None:
    data = example_data(next(p for p in EXAMPLES if "lumbar_early" in p.stem))
    text = pdfcheck.text(render_pdf("patient", document(data)).data)
    assert not has(text, plain("alert.found"))
    assert not has(text, plain("alert.urgent_heading"))


@pytest.mark.parametrize("status", ["draft", "signed", "amended"])
def test_draft_mark_on_every_page_of_unsigned_visits_only(example, status: str) -> None:
    pdf = render_pdf("patient", document(example, status=status))
    mark = T.plain("page.draft_mark")
    pages = pdfcheck.page_texts(pdf.data)
    if status == "draft":
        assert all(mark in page for page in pages)
    else:
        assert not any(mark in page for page in pages)


def test_fonts_are_embedded(example) -> None:
    assert pdfcheck.unembedded_fonts(render_pdf("patient", document(example)).data) == set()


@pytest.mark.parametrize("language", ["en", "es"])
def test_reads_as_plain_language(example, language: str) -> None:
    """No codes, rule ids or engine jargon reach the patient, in either language."""
    text = pdfcheck.text(render_pdf("patient", document(example), language=language).data)
    assert "_" not in text
    assert not re.search(r"\bR\d+[a-z]?(\.\w+)?\b", text)  # no rule id, not even a bare "R5"
    for jargon in ("neurogenic claudication", "ligamentum flavum hypertrophy", "R1", "ACR"):
        assert jargon.lower() not in text.lower()


def test_every_page_has_name_birth_date_visit_date_and_page_of() -> None:
    data = example_data(EXAMPLES[0])
    doc = document(data, name="Ana Ruiz")
    pages = pdfcheck.page_texts(render_pdf("patient", doc).data)
    for number, page in enumerate(pages, start=1):
        assert "Ana Ruiz" in page
        assert "2 March 1958" in page and "20 November 2026" in page
        assert f"Page {number} of {len(pages)}" in page


def test_metadata_is_set() -> None:
    doc = document(example_data(EXAMPLES[0]))
    meta = pdfcheck.reader(render_pdf("patient", doc).data).metadata
    assert meta.title.startswith(T.plain("document.title"))
    assert meta.author == T.clinic["clinic"]["name"]
    assert meta.subject == T.plain("document.subject")


def test_an_override_tells_the_patient_the_accepted_level() -> None:
    data = example_data(next(p for p in EXAMPLES if "mild_candidate" in p.stem))
    doc = document(
        data,
        status="signed",
        accepted_level="surgical",
        override_reason="Patient prefers a surgical opinion.",
    )
    text = pdfcheck.text(render_pdf("patient", doc).data)
    assert has(text, plain("care.levels.surgical.name"))
    assert has(text, plain("care.override"))
    assert "Patient prefers" not in text  # the reason is for the record, not the sheet


def _rgb(hex_colour: str) -> str:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.rl_accel import fp_str

    c = HexColor(hex_colour)
    return f"{fp_str(c.red, c.green, c.blue)} rg"
