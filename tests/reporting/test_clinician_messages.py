"""The clinician summary says the engine's sentences in its language, from the stored plan.

A signed plan is stored as JSON; its ``messages`` map lets the Spanish summary say the rule
reasons, findings and evidence in Spanish, while a plan stored before rules 2026.12 (no map)
prints its English as it was signed. Read back with pypdf.
"""

from __future__ import annotations

import json
from dataclasses import fields

from intake_desktop.reporting import VisitDocument, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data


def stored(doc: VisitDocument) -> VisitDocument:
    """The same visit with its plan as the database returns it (JSON, plain strings)."""
    return _copy(doc, json.loads(json.dumps(dict(doc.plan))))


def _copy(doc: VisitDocument, plan: dict) -> VisitDocument:
    values = {f.name: getattr(doc, f.name) for f in fields(doc) if f.init}
    values["plan"] = plan
    return VisitDocument(**values)


def mild_candidate() -> VisitDocument:
    path = next(p for p in EXAMPLES if p.stem.startswith("04"))
    return stored(document(example_data(path), status="signed"))


def test_a_stored_plan_prints_its_reasons_in_spanish() -> None:
    text = pdfcheck.text(render_pdf("clinician", mild_candidate(), language="es").data)
    flat = " ".join(text.split())
    assert "la opción menos invasiva que encaja con la anatomía es MILD" in flat
    assert "la imagen concuerda con los síntomas" in flat
    assert "the least invasive option" not in flat


def test_the_english_summary_keeps_the_english_sentences() -> None:
    text = pdfcheck.text(render_pdf("clinician", mild_candidate(), language="en").data)
    assert "the least invasive option that fits the anatomy is MILD" in " ".join(text.split())


def test_a_plan_stored_without_messages_prints_its_english() -> None:
    doc = mild_candidate()
    plan = json.loads(json.dumps({k: v for k, v in doc.plan.items() if k != "messages"}))
    text = pdfcheck.text(render_pdf("clinician", _copy(doc, plan), language="es").data)
    assert "the least invasive option that fits the anatomy is MILD" in " ".join(text.split())
