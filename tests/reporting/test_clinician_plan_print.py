"""What rules 2026.12 add to the plan, read back from the printed clinician summary.

The suggested procedures (in order of preference, or "no procedure suggested" when an
interventional plan has none left), the evidence behind the pattern, the scan-versus-symptoms
check beside the first question's evidence, a medial branch block's response, and the follow-up:
each in words, in English and in Spanish.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake_desktop.reporting import VisitDocument, render_pdf

from .builders import EXAMPLES, document, example_data
from .pdfcheck import text


def _example(stem: str) -> dict[str, Any]:
    return example_data(next(p for p in EXAMPLES if p.stem == stem))


def _back_dominant() -> dict[str, Any]:
    """The interventional example with back pain above leg pain and a positive straight-leg
    raise: a facet block first, then an epidural for the root signs."""
    data = copy.deepcopy(_example("03_interventional"))
    data["history"]["leg_pain_exceeds_back_pain"] = False
    data["history"]["pain_nrs"] = {"back": 8, "leg": 5}
    data["exam"] = {"straight_leg_raise_positive": True}
    return data


def _words(doc: VisitDocument, language: str) -> str:
    return text(render_pdf("clinician", doc, language=language).data)


@pytest.mark.parametrize(
    ("language", "label", "first", "second", "order"),
    [
        ("en", "Suggested procedures", "Medial branch block", "Epidural steroid injection",
         "(in order of preference)"),
        ("es", "Procedimientos sugeridos", "Bloqueo de rama medial",
         "Inyección epidural de esteroide", "(en orden de preferencia)"),
    ],
)  # fmt: skip
def test_the_procedures_print_in_order_of_preference(
    language: str, label: str, first: str, second: str, order: str
) -> None:
    doc = document(_back_dominant(), status="signed")
    assert doc.plan["procedures"] == ["medial_branch_block", "epidural_steroid"]
    words = _words(doc, language)
    start = words.index(label)
    assert words.index(f"1. {first}", start) < words.index(f"2. {second}", start)
    assert words.index(order, start) > words.index(f"2. {second}", start)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Suggested procedures Epidural steroid injection"),
        ("es", "Procedimientos sugeridos Inyección epidural de esteroide"),
    ],
)
def test_a_single_procedure_prints_without_a_number(language: str, line: str) -> None:
    doc = document(_example("03_interventional"))
    assert doc.plan["procedures"] == ["epidural_steroid"]
    words = _words(doc, language)
    assert line in words
    assert "1. " not in words[words.index(line) - 5 : words.index(line) + len(line) + 5]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Suggested procedures No procedure suggested (diagnostic review)"),
        ("es", "Procedimientos sugeridos Ningún procedimiento sugerido (revisión diagnóstica)"),
    ],
)
def test_an_interventional_plan_with_none_left_says_so(language: str, line: str) -> None:
    data = _back_dominant()
    data["exam"] = {"straight_leg_raise_positive": False}
    data["history"]["symptom_sites"] = ["low_back", "buttock"]
    data["treatment"]["injections"] = [
        {"date": "2026-10-01", "type": "medial_branch_block", "response": "negative"}
    ]
    doc = document(data)
    assert doc.plan["level"] == "interventional"
    assert doc.plan["procedures"] == []
    assert line in _words(doc, language)


def test_levels_that_suggest_none_and_older_plans_print_no_procedure_line() -> None:
    conservative = document(_example("01_lumbar_early"))
    assert conservative.plan["procedures"] == []
    words = _words(conservative, "en")
    assert "Suggested procedures" not in words
    assert "No procedure suggested" not in words
    # A plan stored before rules 2026.12 has no "procedures": it is not "none suggested".
    older = document(_example("03_interventional"))
    plan = {k: v for k, v in older.plan.items() if k != "procedures"}
    stored = VisitDocument(case=older.case, plan=plan, patient_name="Ana Ruiz")
    assert "Suggested procedures" not in _words(stored, "en")


@pytest.mark.parametrize(
    ("language", "label", "line"),
    [
        ("en", "Why this pattern", "eases on stopping while standing"),
        ("es", "Por qué este patrón", "pulsos pedios disminuidos"),
    ],
)
def test_the_pattern_prints_with_its_evidence(language: str, label: str, line: str) -> None:
    doc = document(_example("05_vascular"))
    words = _words(doc, language)
    start = words.index(label)
    assert line in words[start : start + 400]


def _mismatch() -> dict[str, Any]:
    data = copy.deepcopy(_example("03_interventional"))
    data["imaging"] = {"modality": "mri", "levels": ["C5-C6"], "causes": ["disc_bulge"]}
    return data


@pytest.mark.parametrize(
    ("language", "stem", "check", "cause", "limitation"),
    [
        ("en", "04_mild_candidate", "Scan matches the symptoms:", "What causes the narrowing?",
         "How limited is daily life?"),
        ("es", "04_mild_candidate", "Las imágenes concuerdan con los síntomas:",
         "¿Qué causa el estrechamiento?", "¿Cuánto limita la vida diaria?"),
        ("en", "mismatch", "Scan and symptoms do not match: review:",
         "What causes the narrowing?", "How limited is daily life?"),
        ("es", "mismatch", "Las imágenes no concuerdan con los síntomas: revisar:",
         "¿Qué causa el estrechamiento?", "¿Cuánto limita la vida diaria?"),
    ],
)  # fmt: skip
def test_the_scan_check_prints_with_the_cause(
    language: str, stem: str, check: str, cause: str, limitation: str
) -> None:
    data = _mismatch() if stem == "mismatch" else _example(stem)
    words = _words(document(data), language)
    framework = words.index(cause)
    assert framework < words.index(check, framework) < words.index(limitation, framework)
    if stem == "mismatch":  # the finding follows its name, once in the cause's evidence
        after = words[words.index(check, framework) : words.index(limitation, framework)]
        assert "C5-C6" in after


def _with_blocks() -> dict[str, Any]:
    data = _back_dominant()
    data["treatment"]["injections"] = [
        {"date": "2026-03-01", "type": "medial_branch_block", "response": "negative"},
        {"date": "2026-06-01", "type": "medial_branch_block"},
        {"date": "2026-09-01", "type": "medial_branch_block", "response": "positive"},
        {
            "date": "2026-10-01",
            "type": "epidural_steroid",
            "relief_weeks": 8,
            "function_improved": True,
        },
    ]
    return data


@pytest.mark.parametrize(
    ("language", "head", "rows"),
    [
        ("en", "Block response", (
            "1 March 2026 Medial branch block not recorded not recorded — negative",
            "1 June 2026 Medial branch block not recorded not recorded — not recorded",
            "1 September 2026 Medial branch block not recorded not recorded — positive",
            "1 October 2026 Epidural steroid injection 8 wk yes yes —",
        )),
        ("es", "Respuesta al bloqueo", (
            "1 de marzo de 2026 Bloqueo de rama medial sin registrar sin registrar — negativa",
            "1 de junio de 2026 Bloqueo de rama medial sin registrar sin registrar — sin registrar",
            "de 2026 Bloqueo de rama medial sin registrar sin registrar — positiva",
            "1 de octubre de 2026 Inyección epidural de esteroide 8 sem sí sí —",
        )),
    ],
)  # fmt: skip
def test_injection_rows_show_the_block_response(
    language: str, head: str, rows: tuple[str, ...]
) -> None:
    words = _words(document(_with_blocks()), language)
    start = words.index(head)
    positions = [words.index(r, start) for r in rows]
    # Oldest first, each row its own response; a block has no durable benefit to judge.
    assert positions == sorted(positions)


def test_no_block_no_response_column() -> None:
    words = _words(document(_example("04_mild_candidate")), "en")
    assert "Block response" not in words


@pytest.mark.parametrize(
    ("language", "heading", "date_line", "note_label"),
    [
        ("en", "Follow-up", "Next visit 15 January 2027", "Note for the patient"),
        ("es", "Seguimiento", "Próxima consulta 15 de enero de 2027", "Nota para el paciente"),
    ],
)
def test_the_follow_up_prints_in_its_section(
    language: str, heading: str, date_line: str, note_label: str
) -> None:
    data = copy.deepcopy(_example("03_interventional"))
    data["follow_up"] = {
        "next_visit_date": "2027-01-15",
        "note_for_patient": "Keep the walking diary.\nBring the list of medicines.",
    }
    words = _words(document(data), language)
    start = words.index(heading)
    assert words.index(date_line) > start
    assert f"{note_label} Keep the walking diary. Bring the list of medicines." in words


@pytest.mark.parametrize(("language", "heading"), [("en", "Follow-up"), ("es", "Seguimiento")])
def test_no_follow_up_no_section(language: str, heading: str) -> None:
    data = copy.deepcopy(_example("01_lumbar_early"))
    assert "follow_up" not in data
    assert heading not in _words(document(data), language)
    data["follow_up"] = {"note_for_patient": "   "}  # blank is not a note
    assert heading not in _words(document(data), language)
