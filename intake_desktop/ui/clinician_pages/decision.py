"""Clinician step: accept the recommended level or override it with a reason, then sign.

The choice is kept in the draft (``_ui.decision``) until the visit is signed; signing itself is
the visit window's job (through the services), this page only collects the decision.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from intake_desktop.domain.codes import LEVELS
from intake_desktop.domain.plan import Plan
from intake_desktop.ui.code_labels import label

from ..binding import Binder, error_label
from ..form_model import FormModel
from ..step_page import StepPage
from ..widgets.choice import ChoiceCombo

DECISION_KEY = "decision"


class DecisionPage(StepPage):
    title = QT_TRANSLATE_NOOP("DecisionPage", "Decision and signature")
    sign_requested = Signal()

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Decision and signature"),
                     self.tr("Accept the recommended level of care, or choose another and say why. "
                       "Signing stores the case and the plan as computed; afterwards the visit "
                       "changes only by amendment."))  # fmt: skip
        f = self.group(self.tr("Level of care"))
        self.recommended = QLabel("—", self)
        self.recommended.setObjectName("recommendedLevel")
        self.recommended.setAccessibleName(self.tr("Recommended level"))
        f.addRow(self.tr("Recommended:"), self.recommended)
        self.accept_radio = QRadioButton(self.tr("&Accept the recommended level"), self)
        self.override_radio = QRadioButton(self.tr("&Override with another level"), self)
        group = QButtonGroup(self)
        group.addButton(self.accept_radio)
        group.addButton(self.override_radio)
        self.accept_radio.setChecked(True)
        f.addRow(self.accept_radio)
        f.addRow(self.override_radio)
        self.level = ChoiceCombo(LEVELS, parent=self)
        self.level.setAccessibleName(self.tr("Level chosen instead"))
        level_caption = QLabel(self.tr("&Level:"), self)
        level_caption.setBuddy(self.level)
        f.addRow(level_caption, self.level)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason for the override"))
        self.reason.setPlaceholderText(self.tr("Required when the level is overridden"))
        self.reason.setMaximumHeight(90)
        reason_caption = QLabel(self.tr("&Reason:"), self)
        reason_caption.setBuddy(self.reason)
        f.addRow(reason_caption, self.reason)
        self.problem = error_label(self)
        f.addRow(self.problem)
        self.sign_button = QPushButton(self.tr("&Sign visit"), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.setAccessibleName(self.tr("Sign visit"))
        f.addRow(self.sign_button)
        self.layout_.addStretch(1)
        self.accept_radio.toggled.connect(self._on_decision_changed)
        self.level.value_changed.connect(self._on_decision_changed)
        self.reason.textChanged.connect(self._on_decision_changed)
        self.sign_button.clicked.connect(self.sign_requested)
        form.reset.connect(self._on_form_reset)
        self._on_form_reset()
        self._plan: Plan | None = None

    def decision(self) -> tuple[str | None, str | None]:
        """(override level or None, reason or None) as the services want them."""
        if self.accept_radio.isChecked():
            return None, None
        return self.level.value(), self.reason.toPlainText().strip() or None

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def on_plan(self, plan: object, case: object) -> None:
        if isinstance(plan, Plan):
            self._plan = plan
            self.recommended.setText(f"<b>{label(plan.level)}</b>")

    def _on_decision_changed(self, *_args: object) -> None:
        override = self.override_radio.isChecked()
        self.level.setEnabled(override)
        self.reason.setEnabled(override)
        self.form.set_ui(DECISION_KEY, {
            "override": override,
            "level": self.level.value(),
            "reason": self.reason.toPlainText(),
        })  # fmt: skip

    def _on_form_reset(self) -> None:
        d = self.form.ui(DECISION_KEY, {}) or {}
        for w in (self.accept_radio, self.override_radio, self.level, self.reason):
            w.blockSignals(True)
        (self.override_radio if d.get("override") else self.accept_radio).setChecked(True)
        self.level.set_value(d.get("level"))
        self.reason.setPlainText(d.get("reason") or "")
        for w in (self.accept_radio, self.override_radio, self.level, self.reason):
            w.blockSignals(False)
        self.level.setEnabled(bool(d.get("override")))
        self.reason.setEnabled(bool(d.get("override")))
