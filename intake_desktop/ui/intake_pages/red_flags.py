"""Intake step 3: the red-flag screen. Every flag is asked; none is assumed to be "no".

The case file only lists flags that are present, so a "yes" goes into ``red_flags``; the whole
screen (including each explicit "no") is kept beside the case, in the window's own state under
:data:`~intake_desktop.domain.signing.SCREEN_PATH`, so the record shows what was asked; signing
needs every question answered.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS
from intake_desktop.domain.signing import SCREEN_PATH
from intake_desktop.ui.code_labels import label

from ..binding import Binder
from ..form_model import FormModel
from ..red_flag_text import flag_level_text
from ..step_page import StepPage
from ..widgets.tri_state import TriStateSwitch

SCREEN_KEY = SCREEN_PATH


class RedFlagPage(StepPage):
    title = QT_TRANSLATE_NOOP("RedFlagPage", "Red flags")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(
            self.tr("Red-flag screen"),
            self.tr(
                "Ask the patient every question. Answer Yes or No (keys Y and N); leave "
                "'Not asked' only if the question could not be asked."
            ),
        )
        box = QGroupBox(self.tr("Is this happening now?"), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        self.switches: dict[str, TriStateSwitch] = {}
        for row, code in enumerate(RED_FLAGS):
            question = QLabel(label(code), box)
            question.setWordWrap(True)
            tag = QLabel(flag_level_text(code), box)
            tag.setObjectName(
                "flagEmergency" if RED_FLAG_LEVELS[code] == "emergency" else "flagUrgent"
            )
            switch = TriStateSwitch(box)
            switch.setProperty("flagCode", code)
            switch.setAccessibleName(label(code))
            switch.setProperty("alarm", True)
            question.setBuddy(switch)
            switch.value_changed.connect(self._on_red_flag_changed)
            grid.addWidget(question, row, 0)
            grid.addWidget(tag, row, 1)
            grid.addWidget(switch, row, 2)
            self.switches[code] = switch
        self.layout_.addWidget(box)
        self.progress = QLabel(self)
        self.progress.setObjectName("screenProgress")
        self.layout_.addWidget(self.progress)
        self.layout_.addStretch(1)
        form.reset.connect(self._on_form_reset)
        self._on_form_reset()

    def answers(self) -> dict[str, str]:
        """The screen as answered: code -> "yes" / "no" (unasked codes are absent)."""
        out: dict[str, str] = {}
        for code, switch in self.switches.items():
            if switch.value() is not None:
                out[code] = "yes" if switch.value() else "no"
        return out

    def _on_red_flag_changed(self, _value: object) -> None:
        answers = self.answers()
        self.form.set_ui(SCREEN_KEY, answers)
        # Flags the exam or an imported file recorded stay unless the screen says otherwise.
        kept = [c for c in (self.form.get("red_flags") or []) if c not in self.switches]
        yes = [c for c in RED_FLAGS if answers.get(c) == "yes"]
        self.form.set("red_flags", yes + kept)
        self._show_progress()

    def _on_form_reset(self) -> None:
        present = set(self.form.get("red_flags") or [])
        screen = self.form.ui(SCREEN_KEY, {}) or {}
        for code, switch in self.switches.items():
            if code in present:
                switch.set_value(True)
            elif screen.get(code) == "no":
                switch.set_value(False)
            else:
                switch.set_value(None)
        self._show_progress()

    def _show_progress(self) -> None:
        asked = sum(1 for s in self.switches.values() if s.value() is not None)
        total = len(self.switches)
        if asked == total:
            self.progress.setText(self.tr("All %d questions answered.") % total)
        else:
            self.progress.setText(
                self.tr("%d of %d questions answered: the screen is not complete.") % (asked, total)
            )
