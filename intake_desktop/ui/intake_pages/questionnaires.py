"""Intake step 5: ODI or NDI by region, and the Zurich Claudication Questionnaire.

Scores are shown as the answers come in, computed by the domain exactly as INSTRUMENTS.md says.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from intake_desktop.domain.case import Zcq
from intake_desktop.domain.codes import CERVICAL_SITES, LUMBAR_SITES
from intake_desktop.domain.instruments import ndi_score, odi_score, zcq_score
from intake_desktop.ui.code_labels import label, number_text

from ..binding import Binder, error_label
from ..form_model import FormModel
from ..step_page import StepPage
from ..widgets.questionnaire import QuestionnaireEditor

ODI_SECTIONS = (
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Pain intensity"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Personal care"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Lifting"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Sitting"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Standing"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Sleeping"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Sex life"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Social life"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Travelling"),
)
NDI_SECTIONS = (
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Pain intensity"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Personal care"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Lifting"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Reading"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Headaches"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Concentration"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Work"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Driving"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Sleeping"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Recreation"),
)
ZCQ_SYMPTOMS = (
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Pain overall"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "How often"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Back pain"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Leg pain"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Numbness or tingling"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Weakness"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Balance"),
)
ZCQ_FUNCTION = (
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking distance"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking outdoors"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking at home"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Shopping"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking for pleasure"),
)
ZCQ_SATISFACTION = (
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Overall result"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Pain relief"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Walking"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Housework and chores"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Strength"),
    QT_TRANSLATE_NOOP("QuestionnairesPage", "Expectations met"),
)


def _score_text(kind: str, answers: Any) -> str:
    if not answers:
        return "—"
    try:
        if kind == "odi":
            s = odi_score(tuple(answers))
            if s["percent"] is None:
                return QCoreApplication.translate(
                    "QuestionnairesPage", "not scorable: too many sections unanswered"
                )
            return f"{s['percent']} % ({label(s['band'])})"
        s = ndi_score(tuple(answers))
        if s["raw"] is None:
            return QCoreApplication.translate(
                "QuestionnairesPage", "not scorable: too many sections unanswered"
            )
        return f"{s['raw']} of 50, {s['percent']} % ({label(s['band'])})"
    except (ValueError, TypeError) as exc:
        return str(exc)


class QuestionnairesPage(StepPage):
    title = QT_TRANSLATE_NOOP("QuestionnairesPage", "Questionnaires")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(
            self.tr("Questionnaires"),
            self.tr("The questionnaire shown follows the symptom sites: ODI for the low back and "
                    "legs, NDI for the neck and arms. Scores update as answers are entered."),
        )  # fmt: skip
        self.odi_box, self.odi, self.odi_score = self._instrument(
            self.tr("Oswestry Disability Index (ODI), each section 0–5"),
            "questionnaires.odi", "ODI", ODI_SECTIONS, range(6),
        )  # fmt: skip
        self.ndi_box, self.ndi, self.ndi_score = self._instrument(
            self.tr("Neck Disability Index (NDI), each section 0–5"),
            "questionnaires.ndi", "NDI", NDI_SECTIONS, range(6),
        )  # fmt: skip
        zbox = QGroupBox(self.tr("Zurich Claudication Questionnaire (ZCQ), lower is better"), self)
        zlay = QVBoxLayout(zbox)
        sym_choices = [range(1, 6)] * 6 + [(1, 3, 5)]
        self.zcq_parts = {}
        for key, title, sections, choices in (
            ("symptom_severity", self.tr("Symptom severity (1–5; balance 1, 3 or 5)"),
             ZCQ_SYMPTOMS, sym_choices),
            ("physical_function", self.tr("Physical function (1–4)"), ZCQ_FUNCTION, range(1, 5)),
            ("satisfaction", self.tr("Satisfaction, only after treatment (1–4)"),
             ZCQ_SATISFACTION, range(1, 5)),
        ):  # fmt: skip
            zlay.addWidget(QLabel(f"<b>{title}</b>", zbox))
            sections = [self.tr(s) for s in sections]
            editor = QuestionnaireEditor(f"ZCQ {title}", sections, choices, zbox, columns=3)
            zlay.addWidget(editor)
            err = error_label(zbox)
            zlay.addWidget(err)
            binder.bind(f"questionnaires.zcq.{key}", editor, err)
            self.zcq_parts[key] = editor
        self.zcq_score = QLabel(zbox)
        self.zcq_score.setObjectName("scoreLabel")
        zlay.addWidget(self.zcq_score)
        self.layout_.addWidget(zbox)
        self.layout_.addStretch(1)
        form.changed.connect(self._on_form_changed)
        form.reset.connect(self._update)
        self._update()

    def _instrument(self, title, path, name, sections, choices):  # type: ignore[no-untyped-def]
        box = QGroupBox(title, self)
        lay = QVBoxLayout(box)
        sections = [self.tr(s) for s in sections]
        editor = QuestionnaireEditor(name, sections, choices, box, columns=3)
        lay.addWidget(editor)
        err = error_label(box)
        lay.addWidget(err)
        score_row = QFormLayout()
        score = QLabel(box)
        score.setObjectName("scoreLabel")
        score.setAccessibleName(self.tr("%s score") % name)
        score_row.addRow(self.tr("%s score:") % name, score)
        lay.addLayout(score_row)
        self.layout_.addWidget(box)
        self.binder.bind(path, editor, err)
        return box, editor, score

    def _on_form_changed(self, path: str) -> None:
        if path.startswith(("questionnaires", "history.symptom_sites")):
            self._update()

    def _update(self) -> None:
        sites = set(self.form.get("history.symptom_sites") or [])
        lumbar, cervical = bool(sites & LUMBAR_SITES), bool(sites & CERVICAL_SITES)
        has_odi = self.form.get("questionnaires.odi") is not None
        has_ndi = self.form.get("questionnaires.ndi") is not None
        self.odi_box.setVisible(lumbar or has_odi or not cervical)
        self.ndi_box.setVisible(cervical or has_ndi or not lumbar)
        self.odi_score.setText(_score_text("odi", self.form.get("questionnaires.odi")))
        self.ndi_score.setText(_score_text("ndi", self.form.get("questionnaires.ndi")))
        self.zcq_score.setText(self._zcq_text())

    def _zcq_text(self) -> str:
        z = self.form.get("questionnaires.zcq") or {}
        if not z:
            return self.tr("ZCQ scores: —")
        try:
            s = zcq_score(Zcq(**{k: tuple(v) for k, v in z.items() if v is not None}))
        except (ValueError, TypeError) as exc:
            return str(exc)

        def fmt(v: float | None) -> str:
            return "—" if v is None else number_text(v, places=2)

        return self.tr("ZCQ scores: symptom severity %s, physical function %s, satisfaction %s") % (
            fmt(s["symptom_severity"]), fmt(s["physical_function"]), fmt(s["satisfaction"]),
        )  # fmt: skip
