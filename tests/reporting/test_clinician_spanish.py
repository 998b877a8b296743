"""The Spanish clinician summary of every shared example, read back: no English left, no codes.

Rule ids (``R8.procedures``) print on purpose beside each rule's name, as stable references to
the rule set; they are taken out before the text is read for English words and stored codes.
Two leaks found by reading the printed pages are pinned here: an exam source of a red flag
("reduced saddle sensation") and the names of the procedures in the rules' sentences.
"""

from __future__ import annotations

import copy
import re

import pytest

from intake_desktop.reporting import load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data
from tests.reporting.language_check import (
    ENGLISH_FUNCTION_WORDS,
    foreign_words,
    not_ours,
    vocabulary,
)

NAME = "Lucía Fernández Peña"
FILES = ("common", "clinician")
_RULE_ID = re.compile(r"\bR\d+b?\.\w+")
_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _clinician_text(data: dict, language: str, status: str) -> str:
    doc = document(copy.deepcopy(data), name=NAME, status=status)
    return pdfcheck.text(render_pdf("clinician", doc, language=language).data)


@pytest.mark.parametrize("status", ["draft", "signed"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_english_and_no_code_in_the_spanish_clinician_summary(path, status: str) -> None:
    text = _RULE_ID.sub(" ", _clinician_text(example_data(path), "es", status))
    left = foreign_words(
        text,
        own=vocabulary("es", FILES),
        other=vocabulary("en", FILES),
        function_words=ENGLISH_FUNCTION_WORDS,
        exclude=not_ours(load_template("clinician", "es"), NAME),
    )
    assert not left, f"English words in the Spanish clinician summary: {sorted(left)}"
    assert not _CODE.findall(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_code_in_the_english_clinician_summary(path) -> None:
    text = _RULE_ID.sub(" ", _clinician_text(example_data(path), "en", "signed"))
    assert not _CODE.findall(text)


def _example(stem: str) -> dict:
    return example_data(next(p for p in EXAMPLES if p.stem == stem))


def test_an_exam_source_of_a_red_flag_is_said_in_spanish() -> None:
    text = _clinician_text(_example("02_cauda_equina"), "es", "draft")
    assert "sensibilidad en silla de montar disminuida" in text
    assert "reduced saddle sensation" not in text


def test_the_procedures_of_the_rules_are_named_in_spanish() -> None:
    text = _clinician_text(_example("06_cervical_myelopathy"), "es", "signed")
    assert "Procedimiento propuesto: descompresión (laminectomía)" in text
    assert "decompression" not in text


def test_the_alerts_since_the_previous_visit_are_said_in_spanish() -> None:
    """The follow-up alerts' sentences were English f-strings; they are messages now, so the
    Spanish summary says them in Spanish and the English one prints the same words as before."""
    from tests.reporting.test_trends_pdf import follow_up, section

    doc = follow_up(2)
    es = pdfcheck.text(render_pdf("clinician", doc, language="es").data)
    alerts = section(es, "Alertas desde la consulta anterior", "Estudios")
    assert "La medicación aumenta mientras la actividad disminuye." in alerts
    assert "La distancia de marcha sin dolor bajó un 15 % (de 900 m a 765 m)." in alerts
    assert not set(alerts.lower().split()) & ENGLISH_FUNCTION_WORDS
    en = pdfcheck.text(render_pdf("clinician", doc, language="en").data)
    alerts = section(en, "Alerts since the previous visit", "Work-up")
    assert "Medication is rising while activity falls." in alerts
    assert "Painless walking distance fell 15 % (900 m to 765 m)." in alerts
