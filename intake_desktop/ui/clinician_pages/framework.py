"""Clinician step: the four questions, one at a time (CLINICAL_CONTENT.md section 6).

Each question shows what the findings suggest and the evidence; the clinician keeps that
answer or chooses another. The suggestion itself comes from the domain, never from here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.catalogue.messages import render
from intake_desktop.domain.case import Case
from intake_desktop.domain.codes import FRAMEWORK_QUESTIONS, Cause, Goal, Limitation, Recovery
from intake_desktop.domain.framework import answer_framework
from intake_desktop.ui.code_labels import label, message_language

from ..binding import Binder, error_label
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.choice import ChoiceCombo

OPTIONS = {"cause": Cause, "limitation": Limitation, "goal": Goal, "recovery": Recovery}
SOURCE_TEXT = {
    "findings": QT_TRANSLATE_NOOP("QuestionPanel", "from the findings"),
    "default": QT_TRANSLATE_NOOP("QuestionPanel", "the usual default"),
    "unanswered": QT_TRANSLATE_NOOP("QuestionPanel", "the findings cannot decide"),
    "clinician": QT_TRANSLATE_NOOP("QuestionPanel", "your answer"),
}


def suggestion(case: Case, question: str) -> Any:
    """What the domain answers for ``question`` when the clinician leaves it open."""
    if case.framework is not None and getattr(case.framework, question) is not None:
        fw = dataclasses.replace(case.framework, **{question: None})
        case = dataclasses.replace(case, framework=fw)
    return answer_framework(case)[question]


class QuestionPanel(QWidget):
    def __init__(self, index: int, question: str, binder: Binder, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = question
        lay = QVBoxLayout(self)
        title = QLabel(f"{index + 1} / 4 · {label(question)}", self)
        title.setObjectName("questionTitle")
        title.setWordWrap(True)
        lay.addWidget(title)
        box = QGroupBox(self.tr("What the findings suggest"), self)
        form = QFormLayout(box)
        self.suggested = QLabel("—", box)
        self.suggested.setObjectName("suggestedAnswer")
        self.suggested.setWordWrap(True)
        self.evidence = QLabel(box)
        self.evidence.setWordWrap(True)
        form.addRow(self.tr("Answer:"), self.suggested)
        form.addRow(self.tr("Evidence:"), self.evidence)
        lay.addWidget(box)
        choose = QFormLayout()
        self.choice = ChoiceCombo(codes_of(OPTIONS[question]), parent=self,
                                  empty_text=self.tr("Confirm the suggested answer"))  # fmt: skip
        caption = QLabel(self.tr("Your &answer:"), self)
        caption.setBuddy(self.choice)
        self.choice.setAccessibleName(label(question))
        err = error_label(self)
        choose.addRow(caption, self.choice)
        choose.addRow("", err)
        lay.addLayout(choose)
        binder.bind(f"framework.{question}", self.choice, err)
        lay.addStretch(1)

    def show_suggestion(self, answer: Any) -> None:
        text = label(answer.answer) if answer.answer else self.tr("No answer")
        self.suggested.setText(f"<b>{text}</b> ({self.tr(SOURCE_TEXT.get(answer.source, ''))})")
        self.suggested.setAccessibleName(self.tr("Suggested answer: %s") % text)
        lang = message_language()  # the evidence comes as messages: said in the UI's language
        self.evidence.setText(
            "\n".join(f"• {render(e, lang)}" for e in answer.evidence)
            or self.tr("No findings recorded.")
        )


class FrameworkPage(StepPage):
    title = QT_TRANSLATE_NOOP("FrameworkPage", "Four questions")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("The four questions"),
                     self.tr("One question at a time. Confirm what the findings suggest or "
                             "choose your own answer."))  # fmt: skip
        self.stack = QStackedWidget(self)
        self.panels = [QuestionPanel(i, q, binder, self.stack)
                       for i, q in enumerate(FRAMEWORK_QUESTIONS)]  # fmt: skip
        for panel in self.panels:
            self.stack.addWidget(panel)
        self.layout_.addWidget(self.stack)
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("&Previous question"), self)
        self.next_button = QPushButton(self.tr("Ne&xt question"), self)
        self.prev_button.clicked.connect(lambda: self.show_question(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.show_question(self.stack.currentIndex() + 1))
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        self.layout_.addLayout(nav)
        self.layout_.addStretch(1)
        self.show_question(0)

    def show_question(self, index: int) -> None:
        index = max(0, min(index, len(self.panels) - 1))
        self.stack.setCurrentIndex(index)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.panels) - 1)
        self.panels[index].choice.setFocus()

    def on_plan(self, plan: object, case: object) -> None:
        if not isinstance(case, Case):
            return
        for panel in self.panels:
            panel.show_suggestion(suggestion(case, panel.question))
