"""Clinician step: the level of care, the procedure, what happens next, then the signature.

The level decision and the procedure chosen are kept in the window's own state (``decision``,
stored beside the draft) until the visit is signed, when the services store them with the
visit; the follow-up (next visit, the note for the patient) is part of the case file itself
(``follow_up``). Signing is the draft session's job (through the services); this page only
collects the answers.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from intake_desktop.domain.case import FollowUp
from intake_desktop.domain.codes import LEVELS
from intake_desktop.domain.plan import Plan
from intake_desktop.ui.code_labels import fill, label

from ..binding import Binder, add_field, error_label
from ..form_model import FormModel
from ..step_page import StepPage
from ..widgets.choice import ChoiceCombo
from ..widgets.limited_text import LimitedTextEdit
from ..widgets.optional_date import OptionalDateEdit
from .procedure_choice import ProcedureChoice

DECISION_KEY = "decision"
NEXT_VISIT = "follow_up.next_visit_date"
NOTE = "follow_up.note_for_patient"
# The case file's limit for the note (``FollowUp.note_for_patient``, case.schema.json).
NOTE_LIMIT: int = next(
    f.metadata["max_length"] for f in dataclasses.fields(FollowUp) if f.name == "note_for_patient"
)


class DecisionPage(StepPage):
    title = QT_TRANSLATE_NOOP("DecisionPage", "Decision and signature")
    sign_requested = Signal()

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Decision and signature"),
                     self.tr("Accept the recommended level of care, or choose another and say why. "
                       "Signing stores the case and the plan as computed; afterwards the visit "
                       "changes only by amendment."))  # fmt: skip
        self._signed = False
        self._build_level()
        self._build_procedure()
        self._build_follow_up()
        self.problem = error_label(self)
        self.layout_.addWidget(self.problem)
        self.sign_button = QPushButton(self.tr("&Sign visit"), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.setAccessibleName(self.tr("Sign visit"))
        self.layout_.addWidget(self.sign_button)
        self.layout_.addStretch(1)
        self.accept_radio.toggled.connect(self._on_decision_changed)
        self.level.value_changed.connect(self._on_decision_changed)
        self.reason.textChanged.connect(self._on_decision_changed)
        self.procedure.value_changed.connect(self._on_procedure_changed)
        self.procedure.cleared.connect(self._on_procedure_cleared)
        self.sign_button.clicked.connect(self.sign_requested)
        form.reset.connect(self._on_form_reset)
        form.changed.connect(self._on_form_changed)
        self._on_form_reset()
        self._plan: Plan | None = None

    def _build_level(self) -> None:
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

    def _build_procedure(self) -> None:
        f = self.group(self.tr("Suggested procedures"))
        self.procedure = ProcedureChoice(self)
        self.procedure.setAccessibleName(self.tr("Procedure chosen"))
        caption = QLabel(self.tr("&Procedure:"), self)
        caption.setBuddy(self.procedure)
        f.addRow(caption, self.procedure)
        self.procedure_note = QLabel(self)
        self.procedure_note.setObjectName("procedureNote")
        self.procedure_note.setWordWrap(True)
        self.procedure_note.setVisible(False)
        f.addRow(self.procedure_note)

    def _build_follow_up(self) -> None:
        f = self.group(self.tr("Follow-up"))
        self.next_visit = OptionalDateEdit(self, default=self._visit_date)
        add_field(self.binder, f, self.tr("&Next visit:"), NEXT_VISIT, self.next_visit,
                  self.tr("The date of the next appointment, printed on the patient's summary; "
                          "not before this visit"))  # fmt: skip
        self.next_visit_problem = error_label(self)
        self.next_visit_problem.setObjectName("nextVisitProblem")
        f.addRow(self.next_visit_problem)
        self.note = LimitedTextEdit(NOTE_LIMIT, self)
        self.note.setPlaceholderText(self.tr("What you tell the patient happens next (optional)"))
        add_field(
            self.binder, f, self.tr("No&te for the patient:"), NOTE, self.note,
            self.tr("Printed in the Next steps box on page 1 of the patient's summary"),
        )  # fmt: skip

    # --- what the visit window asks ------------------------------------------------------
    def decision(self) -> tuple[str | None, str | None]:
        """(override level or None, reason or None) as the services want them."""
        if self.accept_radio.isChecked():
            return None, None
        return self.level.value(), self.reason.toPlainText().strip() or None

    def chosen_procedure(self) -> str | None:
        """The procedure picked among the plan's suggestions (None: none chosen)."""
        return self.procedure.value()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def show_signed(self, plan: dict[str, Any] | None, chosen_procedure: str | None) -> None:
        """A signed visit shows the suggestions of its stored plan and the choice stored with
        it; later plans (new rules) no longer change what was signed."""
        self._signed = True
        self.procedure.set_suggestions(tuple((plan or {}).get("procedures") or ()))
        self.procedure.set_value(chosen_procedure)
        self.procedure_note.setVisible(False)

    def show_editable(self) -> None:
        """An amendment is open: the suggestions follow the live plan again until it is signed."""
        self._signed = False
        if self._plan is not None:
            self.procedure.set_suggestions(self._plan.procedures)

    def on_plan(self, plan: object, case: object) -> None:
        if isinstance(plan, Plan):
            self._plan = plan
            self.recommended.setText(f"<b>{label(plan.level)}</b>")
            if not self._signed:
                self.procedure.set_suggestions(plan.procedures)
                self._order_tabs()
        self._check_next_visit()

    # --- slots ---------------------------------------------------------------------------
    def _on_decision_changed(self, *_args: object) -> None:
        override = self.override_radio.isChecked()
        self.level.setEnabled(override)
        self.reason.setEnabled(override)
        self.form.set_ui(DECISION_KEY, {
            "override": override,
            "level": self.level.value(),
            "reason": self.reason.toPlainText(),
            "procedure": self.procedure.value(),
        })  # fmt: skip

    def _on_procedure_changed(self, code: object) -> None:
        if code is not None:
            self.procedure_note.setVisible(False)
        self._on_decision_changed()

    def _on_procedure_cleared(self, code: str) -> None:
        self.procedure_note.setText(
            fill(self.tr("“%1” was chosen, but the plan no longer suggests it: the choice was "
                         "cleared. Choose again from the procedures listed."), label(code))
        )  # fmt: skip
        self.procedure_note.setVisible(True)

    def _on_form_changed(self, path: str) -> None:
        if path in ("visit_date", NEXT_VISIT):
            self._check_next_visit()

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
        self.procedure_note.setVisible(False)
        # Not blocked: a loaded choice the current plan does not suggest is cleared, visibly.
        self.procedure.set_value(d.get("procedure"))
        self._check_next_visit()

    # --- helpers -------------------------------------------------------------------------
    def _visit_date(self) -> date:
        """The first date offered for the next visit: the visit's own (never before it)."""
        try:
            return date.fromisoformat(str(self.form.get("visit_date")))
        except ValueError:
            return date.today()

    def _check_next_visit(self) -> None:
        """Say at once when the next visit is before this one (signing refuses it too)."""
        text = ""
        try:
            visit = date.fromisoformat(str(self.form.get("visit_date")))
            following = date.fromisoformat(str(self.form.get(NEXT_VISIT)))
        except ValueError:
            visit = following = None
        if visit and following and following < visit:
            text = fill(self.tr("Next visit: %1 is before the visit date %2; choose a later date."),
                        following.isoformat(), visit.isoformat())  # fmt: skip
        self.next_visit_problem.setText(text)
        self.next_visit_problem.setVisible(bool(text))

    def _order_tabs(self) -> None:
        """Radio buttons made for a new plan join the focus chain at its end; put them back
        between the reason and the follow-up, where they are on screen."""
        chain = [
            self.reason, self.procedure.none_radio, *self.procedure.buttons.values(),
            self.next_visit.check, self.next_visit.edit, self.note.edit, self.sign_button,
        ]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
