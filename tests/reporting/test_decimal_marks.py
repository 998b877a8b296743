"""Numbers are written one way per language on every printout: ``0,85`` in Spanish, ``0.85`` in
English. The engine's sentences (message catalogue) already used the decimal comma in Spanish
while the templates' own numbers (the ABI of the exam and scores tables, standing time, the
fever threshold, the trend charts' axes) printed a decimal point, so one page said "0.7" and
"0,7" side by side. Both now go through one formatter per language. Read back with pypdf.
"""

from __future__ import annotations

import copy
import re

import pytest

from intake_desktop.catalogue.messages import CATALOGUES
from intake_desktop.reporting import load_template, render_pdf
from intake_desktop.reporting.layout import decimal_mark
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data
from tests.reporting.test_trends_pdf import follow_up

#: The rule set's version (2026.12.0) is a name, not a number: it keeps its points.
_VERSION = re.compile(r"\b\d{4}\.\d+\.\d+\b")
_POINT = re.compile(r"\d\.\d")
_COMMA = re.compile(r"\d,\d(?!\d\d)")  # a decimal comma, not an English thousands separator


def _vascular() -> dict:
    data = copy.deepcopy(example_data(next(p for p in EXAMPLES if "vascular" in p.stem)))
    data["exam"]["ankle_brachial_index"] = 0.85
    data["history"]["standing_tolerance_min"] = 2.5
    return data


def _text(kind: str, language: str, doc=None) -> str:
    doc = doc or document(_vascular(), name="Ana Ruiz", status="signed")
    return _VERSION.sub(" ", pdfcheck.text(render_pdf(kind, doc, language=language).data))


def test_the_spanish_clinician_summary_writes_the_abi_with_a_decimal_comma() -> None:
    text = _text("clinician", "es")
    assert "Índice tobillo-brazo 0,85" in text  # the exam table and the scores table
    assert "índice tobillo-brazo 0,85 (≤ 0,90)" in text  # the engine's finding
    assert "0.85" not in text
    assert not _POINT.findall(text)


def test_the_spanish_patient_summary_writes_decimals_with_a_comma() -> None:
    text = _text("patient", "es")
    assert "2,5" in text  # standing tolerance
    assert "100,4 °F" in text  # the fever threshold of a US clinic
    assert not _POINT.findall(text)


@pytest.mark.parametrize("kind", ["patient", "clinician"])
def test_english_keeps_the_decimal_point(kind: str) -> None:
    text = _text(kind, "en")
    assert ("0.85" if kind == "clinician" else "2.5 minutes") in text
    if kind == "patient":
        assert "100.4 °F" in text
    assert not _COMMA.findall(text)


def test_the_trend_charts_axes_and_tables_use_the_languages_mark() -> None:
    doc = follow_up(2)
    assert not _POINT.findall(_text("clinician", "es", doc))
    assert not _COMMA.findall(_text("clinician", "en", doc))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_templates_and_the_catalogue_agree_on_the_decimal_mark(language: str) -> None:
    for kind in ("patient", "clinician"):
        assert decimal_mark(load_template(kind, language)) == CATALOGUES[language].decimal
