"""The plan panel and the four questions say the engine's sentences in the interface language.

The domain hands over message keys and values; with the Spanish translation loaded, the rule
reasons, their findings, the warnings, the score lines and the evidence read in Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.plan import Plan
from intake_desktop.ui.app import install_translators, remove_translators
from intake_desktop.ui.binding import Binder
from intake_desktop.ui.clinician_pages.framework import QuestionPanel
from intake_desktop.ui.form_model import FormModel
from intake_desktop.ui.plan_panel import PlanPanel
from tests.domain.builders import escalated, structural


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "es")
    app = QApplication.instance()
    translators = install_translators(app)
    assert translators, "no Spanish translation could be loaded"
    try:
        yield
    finally:
        remove_translators(app, translators)
        for translator in translators:
            translator.deleteLater()


def back_pain_after_a_failed_esi() -> Plan:
    return evaluate(
        escalated(
            history={"leg_pain_exceeds_back_pain": False, "pain_nrs": {"back": 8, "leg": 3}},
            treatment={
                "injections": [
                    {"date": "2026-09-01", "type": "epidural_steroid", "relief_weeks": 1,
                     "function_improved": False}
                ]
            },
            questionnaires={"odi": [2] * 10},
        )
    )  # fmt: skip


def shown(qtbot, plan: Plan) -> str:
    panel = PlanPanel()
    qtbot.addWidget(panel)
    panel.show_plan(plan)
    return panel.details.text()


def test_the_plan_panel_speaks_english_without_a_translation(qtbot) -> None:
    text = shown(qtbot, back_pain_after_a_failed_esi())
    assert "Do not repeat the epidural steroid injection: review the diagnosis instead." in text
    assert "Procedures" in text and "Medial branch block" in text
    assert "ODI: 40 % (moderate)" in text


def test_the_plan_panel_body_is_spanish_when_the_interface_is(qtbot, spanish: None) -> None:
    plan = back_pain_after_a_failed_esi()
    text = shown(qtbot, plan)
    assert "No repetir la inyección epidural de corticoide: revisar el diagnóstico." in text
    assert "el dolor de espalda supera al de pierna" in text  # a finding
    assert "No repetir la inyección epidural de corticoide; revisar el diagnóstico." in text
    assert "Procedimientos" in text and "Bloqueo de rama medial" in text
    assert "ODI: 40 % (moderada)" in text
    for english in (plan.rules_fired[0].reason, *plan.warnings, "back pain exceeds leg pain"):
        assert english not in text
    from intake_desktop.ui.plan_panel import _items

    assert _items([]) == "<i>ninguno</i>"  # an empty list (work-up, red flags): it said "none"


def test_mild_the_procedure_is_not_mild_the_degree(qtbot, spanish: None) -> None:
    text = shown(qtbot, evaluate(structural()))
    assert "MILD (descompresión lumbar mínimamente invasiva)" in text


def test_the_cause_evidence_reads_in_spanish_with_the_scan_check(qtbot, spanish: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    panel = QuestionPanel(0, "cause", Binder(FormModel(parent)), parent)
    plan = evaluate(structural(imaging={"canal_area_mm2": 70}))
    panel.show_suggestion(plan.framework["cause"])
    evidence = panel.evidence.text()
    assert "la imagen concuerda con los síntomas" in evidence
    assert "causa principal anotada: hipertrofia del ligamento amarillo" in evidence


def test_mild_the_degree_and_mild_the_procedure_have_their_own_names(qtbot) -> None:
    from intake_desktop.ui.code_labels import label, procedure_label

    assert label("mild") == "Mild"  # a limitation, a score band
    assert procedure_label("mild") == "MILD (minimally invasive lumbar decompression)"
    assert procedure_label("interspinous_spacer") == label("interspinous_spacer")


def _zcq_label(qtbot) -> str:
    from intake_desktop.ui.intake_pages.questionnaires import QuestionnairesPage

    parent = QWidget()
    qtbot.addWidget(parent)
    form = FormModel(parent)
    page = QuestionnairesPage(form, Binder(form), parent)
    for box, answer in zip(page.zcq_parts["physical_function"].boxes, [1, 2, 2, 3, 3], strict=True):
        box.setCurrentIndex(box.findData(answer))  # as the user picks each answer
    return page.zcq_score.text()


def test_the_zcq_score_is_written_with_the_decimal_comma_in_spanish(qtbot, spanish: None) -> None:
    assert "2,20" in _zcq_label(qtbot) and "2.20" not in _zcq_label(qtbot)


def test_the_zcq_score_keeps_the_decimal_point_in_english(qtbot) -> None:
    assert "2.20" in _zcq_label(qtbot)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_plan_view_names_no_rule_by_its_id(qtbot, request, language: str) -> None:
    """The procedures' finding said "as chosen by R5.mild"; it now says what was decided."""
    if language == "es":
        request.getfixturevalue("spanish")
    text = shown(qtbot, evaluate(structural()))
    assert "MILD" in text
    assert not re.search(r"\bR\d+[a-z]?\.\w+", text), text
