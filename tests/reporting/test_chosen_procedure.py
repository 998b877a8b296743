"""The procedure the clinician chose prints on both summaries, and only when one was chosen."""

from __future__ import annotations

import tomllib

import pytest

from intake_desktop.domain.codes import PROCEDURES
from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, render_pdf

from .builders import EXAMPLES, document, example_data
from .pdfcheck import text


def _doc(chosen: str | None, status: str = "signed"):
    data = example_data(next(p for p in EXAMPLES if "04_mild" in p.name))
    return document(data, status=status, chosen_procedure=chosen)


@pytest.mark.parametrize("code", PROCEDURES)
def test_every_procedure_has_plain_words_in_both_languages(code: str) -> None:
    doc = _doc(code)
    english = text(render_pdf("patient", doc, language="en").data)
    spanish = text(render_pdf("patient", doc, language="es").data)
    for words, lang in ((english, "en"), (spanish, "es")):
        name = tomllib.loads((DEFAULT_TEMPLATES_DIR / lang / "patient.toml").read_text("utf-8"))
        assert name["care"]["procedure_names"][code] in words
    assert "The procedure you and your clinician chose:" in english
    assert "El procedimiento que usted y su médico eligieron:" in spanish
    assert code not in english.replace("(decompression)", "")  # words, never the code


def test_no_choice_prints_no_line() -> None:
    doc = _doc(None)
    assert "chose:" not in text(render_pdf("patient", doc, language="en").data)
    assert "Procedure chosen" not in text(render_pdf("clinician", doc, language="en").data)


def test_the_clinician_summary_names_it_beside_the_accepted_level() -> None:
    words = text(render_pdf("clinician", _doc("decompression")).data)
    accepted = words.index("Accepted level")
    assert words.index("Procedure chosen Decompression (laminectomy)") > accepted


def test_a_document_refuses_what_is_not_a_procedure() -> None:
    with pytest.raises(ValueError, match="chosen_procedure must be a procedure"):
        _doc("acupuncture")


def test_the_spanish_clinician_summary_names_it_in_spanish() -> None:
    words = text(render_pdf("clinician", _doc("interspinous_spacer"), language="es").data)
    assert "Procedimiento elegido Espaciador interespinoso" in words
