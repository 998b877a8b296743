"""The patient summary in English, the counterpart of test_spanish.py: English throughout.

test_patient_summary.py checks what the English sheet says; this checks that nothing of another
language slips into it (a Spanish word in an English template, or a text taken from the wrong
folder), and that English is what a patient without templates in their language gets.
"""

from __future__ import annotations

import copy

import pytest

from intake_desktop.reporting import load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, busiest_plan_case, document, example_data
from tests.reporting.language_check import (
    SPANISH_FUNCTION_WORDS,
    foreign_words,
    not_ours,
    vocabulary,
)

EN = load_template("patient", "en")
NAME = "Grace O'Neill"
ENGLISH = vocabulary("en")
SPANISH = vocabulary("es")


def english_words_only(text: str) -> set[str]:
    return foreign_words(
        text,
        own=ENGLISH,
        other=SPANISH,
        function_words=SPANISH_FUNCTION_WORDS,
        exclude=not_ours(EN, NAME),
    )


def visit(data: dict, language: str | None, **extra):
    data = copy.deepcopy(data)
    if language is None:
        data["patient"].pop("language", None)
    else:
        data["patient"]["language"] = language
    return document(data, name=NAME, **extra)


@pytest.mark.parametrize("language", [None, "en", "en-GB"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_prints_in_english(path, language) -> None:
    pdf = render_pdf("patient", visit(example_data(path), language))
    text = pdfcheck.text(pdf.data)
    assert pdf.language == "en" and pdf.warnings == ()
    assert 1 <= pdf.pages <= 2
    assert EN.plain("headings.safety_net") in text and "Page 1 of" in text
    assert not english_words_only(text)


def test_busiest_english_sheet_has_no_spanish() -> None:
    text = pdfcheck.text(render_pdf("patient", visit(busiest_plan_case(), "en")).data)
    assert not english_words_only(text)


@pytest.mark.parametrize("language", ["fr", "fr-CA", "pt-BR", "de"])
def test_a_language_without_templates_falls_back_to_english_with_a_warning(language) -> None:
    doc = visit(example_data(EXAMPLES[1]), language, status="signed")
    pdf = render_pdf("patient", doc)
    text = pdfcheck.text(pdf.data)
    assert pdf.language == "en"
    assert len(pdf.warnings) == 1 and repr(language) in pdf.warnings[0]
    assert "English" in pdf.warnings[0]
    assert EN.plain("headings.safety_net") in text
    assert not english_words_only(text)
